import Textfield from '@atlaskit/textfield';
import { NAME_MAX_LENGTH } from '../model/validate-connection-form';
import { FieldWarning } from './FieldWarning';
import { FormField } from './FormField';

interface Props {
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

/** From this length on, the helper counts characters, so the limit never comes as a surprise. */
const COUNT_FROM = NAME_MAX_LENGTH - 20;

export function NameField({ value, error, onChange }: Props) {
  const length = value.length;
  const helper = 'Shown in lists and delivery logs, e.g. “IT service desk agent”.';
  return (
    <FormField
      id="connection-name"
      label="Name"
      isRequired
      error={error}
      // The input stops at the limit (a paste is cut there), so say so instead of dropping characters silently.
      warning={
        !error && length >= NAME_MAX_LENGTH && <FieldWarning>Names are at most {NAME_MAX_LENGTH} characters: anything longer is cut off. A short name reads better in lists.</FieldWarning>
      }
      helper={length >= COUNT_FROM ? `${helper} ${length} of ${NAME_MAX_LENGTH} characters.` : helper}
    >
      {(aria) => (
        <Textfield {...aria} value={value} maxLength={NAME_MAX_LENGTH} autoComplete="off" onChange={(e) => onChange(e.currentTarget.value)} testId="connection-name" />
      )}
    </FormField>
  );
}
