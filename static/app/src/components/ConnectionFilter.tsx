import Select from '@atlaskit/select';
import { FilterField } from './FilterField';

interface Option {
  label: string;
  value: string;
}

const ANY: Option = { label: 'All connections', value: '' };

interface Props {
  connections: { id: string; name: string }[];
  value: string | undefined;
  onChange: (connectionId: string | undefined) => void;
}

export function ConnectionFilter({ connections, value, onChange }: Props) {
  const options = [ANY, ...connections.map((c) => ({ label: c.name, value: c.id }))];
  return (
    <FilterField id="filter-connection" label="Connection" width="13rem">
      <Select<Option>
        inputId="filter-connection"
        options={options}
        value={options.find((option) => option.value === (value ?? '')) ?? ANY}
        onChange={(option) => onChange(option?.value || undefined)}
        testId="filter-connection"
      />
    </FilterField>
  );
}
