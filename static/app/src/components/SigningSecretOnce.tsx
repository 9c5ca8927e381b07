import SectionMessage from '@atlaskit/section-message';
import Textfield from '@atlaskit/textfield';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { Label } from '@atlaskit/form';
import { CopyButton } from './CopyButton';

/** The new secret, read-only and selectable, with a copy button and what to do with it. */
export function SigningSecretOnce({ secret, connectionName }: { secret: string; connectionName: string }) {
  return (
    <Stack space="space.200">
      <SectionMessage appearance="warning" testId="signing-secret-warning">
        <p>
          Copy this secret now: it is not shown again. Configure it as the HMAC secret of the listener (Standard Webhooks: webhook-signature v1,
          HMAC-SHA256 over {'{webhook-id}.{webhook-timestamp}.{body}'}).
        </p>
      </SectionMessage>
      <Stack space="space.050">
        <Label htmlFor="signing-secret-value">Signing secret for {connectionName}</Label>
        <Inline space="space.100" alignBlock="center">
          <div style={{ flexGrow: 1 }}>
            <Textfield
              id="signing-secret-value"
              value={secret}
              isReadOnly
              isMonospaced
              autoComplete="off"
              spellCheck={false}
              onFocus={(event) => event.currentTarget.select()}
              testId="signing-secret-value"
            />
          </div>
          <CopyButton text={secret} label="the signing secret" testId="copy-signing-secret" />
        </Inline>
      </Stack>
      <Text as="p" color="color.text.subtle">
        Requests are signed with it from now on. The relay keeps it in Forge’s encrypted storage and never shows it again: if it is lost, rotate it.
      </Text>
    </Stack>
  );
}
