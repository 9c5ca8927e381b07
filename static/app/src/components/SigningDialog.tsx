import { useEffect, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import { disableSigning } from '../api/disable-signing';
import { rotateSigningSecret } from '../api/rotate-signing-secret';
import { formatTime } from '../format/format-time';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { VisibleAlert } from './VisibleAlert';
import { SigningSecretOnce } from './SigningSecretOnce';

interface Props {
  connection: ConnectionView;
  forbiddenMessage: string;
  /** The connection as the backend now has it (the list updates; the dialog stays open). */
  onChanged: (connection: ConnectionView) => void;
  onClose: () => void;
}

type Busy = 'rotate' | 'disable' | undefined;

/**
 * Standard Webhooks signing for one connection: turn it on, rotate the secret, turn it off. A new secret
 * is shown once, in this dialog, and dropped from memory when the admin is done with it (or closes).
 */
export function SigningDialog({ connection, forbiddenMessage, onChanged, onClose }: Props) {
  const [busy, setBusy] = useState<Busy>();
  const [error, setError] = useState<ResolverError>();
  const [confirmingOff, setConfirmingOff] = useState(false);
  // The only copy of a new secret in the app; cleared on "Done" and gone with the dialog.
  const [secret, setSecret] = useState<string>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const { signing } = connection;

  useEffect(() => {
    if (confirmingOff) confirmRef.current?.focus();
  }, [confirmingOff]);

  const rotate = async () => {
    setBusy('rotate');
    setError(undefined);
    const result = await rotateSigningSecret(connection.id);
    setBusy(undefined);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    onChanged(result.data.connection);
    setSecret(result.data.secret);
  };

  const turnOff = async () => {
    setBusy('disable');
    setError(undefined);
    const result = await disableSigning(connection.id);
    setBusy(undefined);
    setConfirmingOff(false);
    if (result.ok) onChanged(result.data);
    else setError(result.error);
  };

  const close = () => {
    setSecret(undefined);
    onClose();
  };

  if (secret) {
    return (
      <Modal onClose={close} label="Copy the signing secret" testId="signing-secret-dialog">
        <ModalHeader hasCloseButton>
          <ModalTitle appearance="warning">Copy the signing secret</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <SigningSecretOnce secret={secret} connectionName={connection.name} />
        </ModalBody>
        <ModalFooter>
          <Button appearance="primary" onClick={() => setSecret(undefined)} testId="close-secret">
            I have copied it
          </Button>
        </ModalFooter>
      </Modal>
    );
  }

  const title = `Signing (Standard Webhooks) for ${connection.name}`;
  return (
    <Modal onClose={close} label={title} testId="signing-dialog">
      <ModalHeader hasCloseButton>
        <ModalTitle>Signing (Standard Webhooks)</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">
          <Text as="p">
            When signing is on, every request to <strong>{connection.name}</strong> carries a <code>webhook-signature</code> header (HMAC-SHA256), so
            the listener can check it came from this Jira site and was not changed. Changes take effect at once.
          </Text>
          {error && (
            <VisibleAlert>
              <ErrorSectionMessage error={error} forbiddenMessage={forbiddenMessage} title="Signing was not changed" testId="signing-error" />
            </VisibleAlert>
          )}
          <Inline space="space.100" alignBlock="center">
            <Text weight="bold">Status</Text>
            <span data-testid="signing-status">
              {signing.enabled ? <Lozenge appearance="success">On</Lozenge> : <Lozenge appearance="default">Off</Lozenge>}
            </span>
          </Inline>
          {signing.enabled ? (
            <Stack space="space.100">
              <Text as="p" color="color.text.subtle">
                These secrets sign each request. After a rotation the previous secret keeps signing for 24 hours, so the listener can switch
                without missing a request.
              </Text>
              <ul data-testid="signing-secrets">
                {signing.secrets.map((s, index) => (
                  <li key={s.id} data-testid={`signing-secret-${index}`}>
                    <Text>
                      Secret created {formatTime(s.createdAt)}
                      {s.retiresAt ? `, stops signing ${formatTime(s.retiresAt)}` : ', current'}
                    </Text>
                  </li>
                ))}
              </ul>
            </Stack>
          ) : (
            <Text as="p" color="color.text.subtle" testId="signing-off">
              Signing is off: requests carry the API key only.
            </Text>
          )}
          {confirmingOff && (
            <SectionMessage appearance="warning" title="Turn off signing?" testId="turn-off-confirmation">
              <Stack space="space.100">
                <p>Requests to {connection.name} will no longer carry a signature, and its secrets are deleted. A listener that checks signatures will refuse them.</p>
                <Inline space="space.100">
                  <Button ref={confirmRef} appearance="danger" onClick={() => void turnOff()} isLoading={busy === 'disable'} testId="confirm-turn-off-signing">
                    Turn off signing
                  </Button>
                  <Button appearance="subtle" onClick={() => setConfirmingOff(false)} testId="cancel-turn-off-signing">
                    Keep signing
                  </Button>
                </Inline>
              </Stack>
            </SectionMessage>
          )}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={close} testId="close-signing">
          Close
        </Button>
        {signing.enabled ? (
          <>
            <Button onClick={() => setConfirmingOff(true)} isDisabled={confirmingOff || busy !== undefined} testId="turn-off-signing">
              Turn off
            </Button>
            <Button appearance="primary" onClick={() => void rotate()} isLoading={busy === 'rotate'} isDisabled={busy !== undefined} testId="rotate-secret">
              Rotate secret
            </Button>
          </>
        ) : (
          <Button appearance="primary" onClick={() => void rotate()} isLoading={busy === 'rotate'} testId="turn-on-signing">
            Turn on signing
          </Button>
        )}
      </ModalFooter>
    </Modal>
  );
}
