import Textfield from '@atlaskit/textfield';
import { listenerUrlHint } from '../../../../src/shared/listener-url-hint';
import { FieldWarning } from './FieldWarning';
import { FormField } from './FormField';

interface Props {
  value: string;
  allowedHosts: string[];
  error?: string;
  onChange: (value: string) => void;
}

export function UrlField({ value, allowedHosts, error, onChange }: Props) {
  // Only once something URL-like is typed, and never on top of an error that already says more.
  const hint = !error && value.trim().length > 8 ? listenerUrlHint(value) : undefined;
  return (
    <FormField
      id="connection-url"
      label="Listener URL"
      isRequired
      error={error}
      warning={hint && <FieldWarning>{hint}</FieldWarning>}
      helper={
        // Jira blocks every other host, so say which ones work before the admin saves one that cannot.
        allowedHosts.length > 0 ? `The app may call: ${allowedHosts.join(', ')}` : 'https://api.moveworks.ai/webhooks/v1/listeners/<listener id>/notify'
      }
    >
      {(aria) => (
        <Textfield
          {...aria}
          value={value}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://api.moveworks.ai/webhooks/v1/listeners/…/notify"
          onChange={(e) => onChange(e.currentTarget.value)}
          testId="connection-url"
        />
      )}
    </FormField>
  );
}
