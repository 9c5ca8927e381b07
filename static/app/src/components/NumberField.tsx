import Textfield from '@atlaskit/textfield';
import { FormField } from './FormField';

interface Props {
  /** Also the field's test id. */
  id: string;
  label: string;
  helper: string;
  value: string;
  error?: string;
  /** Whole numbers only (minutes), or any decimal (a rate). */
  integer?: boolean;
  onChange: (value: string) => void;
}

/** A small required number box; the text is kept as typed so the server can name what is wrong with it. */
export function NumberField({ id, label, helper, value, error, integer = false, onChange }: Props) {
  return (
    <FormField id={id} label={label} isRequired error={error} helper={helper}>
      {(aria) => (
        <Textfield
          {...aria}
          value={value}
          type="number"
          min={0}
          step={integer ? 1 : 'any'}
          inputMode={integer ? 'numeric' : 'decimal'}
          width="small"
          onChange={(e) => onChange(e.currentTarget.value)}
          testId={id}
        />
      )}
    </FormField>
  );
}
