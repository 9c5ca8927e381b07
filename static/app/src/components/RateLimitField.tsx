import { Field } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { FieldMessages } from './FieldMessages';

function validate(value: string | undefined): string | undefined {
  const n = Number(value);
  return value?.trim() && Number.isFinite(n) && n > 0 ? undefined : 'Enter a number of requests per second greater than 0, for example 5.';
}

export function RateLimitField({ defaultValue }: { defaultValue: string }) {
  return (
    <Field<string> name="rateLimitPerSecond" label="Rate limit (requests per second)" isRequired defaultValue={defaultValue} validate={validate}>
      {({ fieldProps, error }) => (
        <>
          <Textfield {...fieldProps} type="number" min={0} step="any" inputMode="decimal" width="small" testId="connection-rate-limit" />
          <FieldMessages helper="The listener's limit in Agent Studio (by default 5 requests per second for the whole organisation). This version records it but does not pace requests yet." error={error} />
        </>
      )}
    </Field>
  );
}
