import Select from '@atlaskit/select';
import type { DeliveryState } from '../../../../src/shared/contract';
import { FilterField } from './FilterField';

interface Option {
  label: string;
  value: DeliveryState | 'any';
}

const OPTIONS: Option[] = [
  { label: 'Any state', value: 'any' },
  { label: 'Delivered', value: 'delivered' },
  { label: 'Retrying', value: 'retrying' },
  { label: 'Failed', value: 'failed' },
];

interface Props {
  value: DeliveryState | undefined;
  onChange: (state: DeliveryState | undefined) => void;
}

export function StateFilter({ value, onChange }: Props) {
  return (
    <FilterField id="filter-state" label="State" width="9.5rem">
      <Select<Option>
        inputId="filter-state"
        options={OPTIONS}
        value={OPTIONS.find((option) => option.value === (value ?? 'any'))}
        onChange={(option) => onChange(!option || option.value === 'any' ? undefined : option.value)}
        testId="filter-state"
      />
    </FilterField>
  );
}
