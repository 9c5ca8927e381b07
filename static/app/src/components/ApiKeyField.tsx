import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { ConnectionView } from '../../../../src/shared/contract';
import { formatTime } from '../format/format-time';
import { FormField } from './FormField';

interface Props {
  token: ConnectionView['token'] | undefined;
  /** True once the admin chose to replace the stored key (or when none is stored). */
  editing: boolean;
  /** The admin changed the listener URL: the stored key is not sent to the new one, so a key is needed. */
  urlChanged: boolean;
  value: string;
  error?: string;
  onReplace: () => void;
  onChange: (value: string) => void;
}

function storedKeyText(token: ConnectionView['token']): string {
  const when = token.setAt ? ` on ${formatTime(token.setAt)}` : '';
  const name = token.setByName ?? token.setBy;
  return `API key set${when}${name ? ` by ${name}` : ''}`;
}

function helperText(stored: boolean, urlChanged: boolean): string {
  const about = 'The Bearer key of the Agent Studio listener. It is stored encrypted and never shown again.';
  if (!stored) return about;
  // Never "leave empty" here: the current key stays with the URL it was entered for.
  if (urlChanged) return 'The listener URL changed, so enter the new listener’s key: the current key is never sent to another URL.';
  return 'Leave empty to keep the current key.';
}

/** Write-only: the stored key is never sent to the browser, only when and by whom it was set. */
export function ApiKeyField({ token, editing, urlChanged, value, error, onReplace, onChange }: Props) {
  // Focus follows the "Replace API key" click (which unmounts the button), not a URL edit that shows the input.
  const [replaceClicked, setReplaceClicked] = useState(false);
  const stored = token?.set === true;
  if (stored && !editing) {
    return (
      <Stack space="space.050">
        {/* Not a <label>: it would rename the button, whose own text says what it does. */}
        <Text size="small" weight="bold" color="color.text.subtle">
          API key
        </Text>
        <Inline space="space.150" alignBlock="center" shouldWrap>
          <Text id="api-key-status" testId="api-key-status">
            {storedKeyText(token)}
          </Text>
          <Button
            onClick={() => {
              setReplaceClicked(true);
              onReplace();
            }}
            aria-describedby="api-key-status"
            testId="replace-token"
          >
            Replace API key
          </Button>
        </Inline>
      </Stack>
    );
  }
  return (
    <FormField
      id="connection-token"
      label="API key"
      isRequired={!stored || urlChanged}
      error={error}
      helper={helperText(stored, urlChanged)}
    >
      {(aria) => (
        <Textfield
          {...aria}
          value={value}
          type="password"
          // Stops the browser offering the admin's Jira password for this field.
          autoComplete="new-password"
          spellCheck={false}
          autoFocus={replaceClicked}
          onChange={(e) => onChange(e.currentTarget.value)}
          testId="connection-token"
        />
      )}
    </FormField>
  );
}
