import Textfield from '@atlaskit/textfield';
import { FormField } from './FormField';

interface Props {
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

export function RateLimitField({ value, error, onChange }: Props) {
  return (
    <FormField
      id="connection-rate-limit"
      label="Rate limit (requests per second)"
      isRequired
      error={error}
      helper="The listener's limit in Agent Studio: by default 5 requests per second for the whole organisation."
    >
      {(aria) => (
        <Textfield
          {...aria}
          value={value}
          type="number"
          min={0}
          step="any"
          inputMode="decimal"
          width="small"
          onChange={(e) => onChange(e.currentTarget.value)}
          testId="connection-rate-limit"
        />
      )}
    </FormField>
  );
}
