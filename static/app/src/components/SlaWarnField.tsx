import Textfield from '@atlaskit/textfield';
import { FormField } from './FormField';

interface Props {
  value: string;
  error?: string;
  onChange: (value: string) => void;
}

export function SlaWarnField({ value, error, onChange }: Props) {
  return (
    <FormField
      id="sla-warn-minutes"
      label="Warn before breach (minutes)"
      isRequired
      error={error}
      helper="“SLA about to breach” is sent when this much time is left. 0 sends no warnings."
    >
      {(aria) => (
        <Textfield
          {...aria}
          value={value}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          width="small"
          onChange={(e) => onChange(e.currentTarget.value)}
          testId="sla-warn-minutes"
        />
      )}
    </FormField>
  );
}
