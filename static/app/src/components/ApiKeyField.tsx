import Button from '@atlaskit/button/new';
import { Field } from '@atlaskit/form';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { ConnectionView } from '../../../../src/shared/contract';
import { formatTime } from '../format/format-time';
import { FieldMessages } from './FieldMessages';

interface Props {
  token: ConnectionView['token'] | undefined;
  /** True once the admin chose to replace the stored key (or when none is stored). */
  editing: boolean;
  onReplace: () => void;
}

function storedKeyText(token: ConnectionView['token']): string {
  const when = token.setAt ? ` on ${formatTime(token.setAt)}` : '';
  const who = token.setBy ? ` by ${token.setBy}` : '';
  return `API key set${when}${who}`;
}

/** Write-only: the stored key is never sent to the browser, only when and by whom it was set. */
export function ApiKeyField({ token, editing, onReplace }: Props) {
  const stored = token?.set === true;
  if (stored && !editing) {
    return (
      <Stack space="space.050">
        {/* Not a <label>: it would rename the button, whose own text says what it does. */}
        <Text size="small" weight="bold" color="color.text.subtle">
          API key
        </Text>
        <Inline space="space.150" alignBlock="center">
          <Text id="api-key-status">{storedKeyText(token)}</Text>
          <Button onClick={onReplace} aria-describedby="api-key-status" testId="replace-token">
            Replace API key
          </Button>
        </Inline>
      </Stack>
    );
  }
  return (
    <Field<string> name="token" label="API key" isRequired={!stored} defaultValue="">
      {({ fieldProps, error }) => (
        <>
          <Textfield
            {...fieldProps}
            type="password"
            // Stops the browser offering the admin's Jira password for this field.
            autoComplete="new-password"
            spellCheck={false}
            // Focus follows the "Replace API key" click, which unmounted the button.
            autoFocus={stored}
            testId="connection-token"
          />
          <FieldMessages
            helper={stored ? 'Leave empty to keep the current key.' : 'The Bearer key of the Agent Studio listener. It is stored encrypted and never shown again.'}
            error={error}
          />
        </>
      )}
    </Field>
  );
}
