import { Field } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { FieldMessages } from './FieldMessages';

const EXAMPLE = 'https://api.moveworks.ai/webhooks/v1/listeners/<listener id>/notify';

export function UrlField({ defaultValue, allowedHosts }: { defaultValue: string; allowedHosts: string[] }) {
  return (
    <Field<string> name="url" label="Listener URL" isRequired defaultValue={defaultValue}>
      {({ fieldProps, error }) => (
        <>
          <Textfield {...fieldProps} type="url" inputMode="url" autoComplete="off" spellCheck={false} testId="connection-url" />
          <FieldMessages
            helper={
              <>
                {EXAMPLE}
                {allowedHosts.length > 0 && (
                  // Jira blocks any other host, so say so before the admin saves a URL that cannot work.
                  <>
                    <br />
                    This app may call: {allowedHosts.join(', ')}
                  </>
                )}
              </>
            }
            error={error}
          />
        </>
      )}
    </Field>
  );
}
