import Textfield from '@atlaskit/textfield';
import { FormField } from './FormField';

interface Props {
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

export function NameField({ value, error, onChange }: Props) {
  return (
    <FormField id="connection-name" label="Name" isRequired error={error} helper="Shown in lists and delivery logs, e.g. “IT service desk agent”.">
      {(aria) => (
        <Textfield {...aria} value={value} maxLength={100} autoComplete="off" onChange={(e) => onChange(e.currentTarget.value)} testId="connection-name" />
      )}
    </FormField>
  );
}
