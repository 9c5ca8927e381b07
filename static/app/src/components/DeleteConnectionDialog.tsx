import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack, Text } from '@atlaskit/primitives';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import { deleteConnection } from '../api/delete-connection';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { VisibleAlert } from './VisibleAlert';

interface Props {
  connection: ConnectionView;
  forbiddenMessage: string;
  onDeleted: (id: string) => void;
  onClose: () => void;
}

/** Names the connection in the title and the button, so the admin cannot delete the wrong one by habit. */
export function DeleteConnectionDialog({ connection, forbiddenMessage, onDeleted, onClose }: Props) {
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<ResolverError>();

  const confirm = async () => {
    setDeleting(true);
    setError(undefined);
    const result = await deleteConnection(connection.id);
    setDeleting(false);
    if (result.ok) onDeleted(connection.id);
    else setError(result.error);
  };

  return (
    <Modal onClose={onClose} label={`Delete ${connection.name}`} testId="delete-dialog">
      <ModalHeader hasCloseButton>
        <ModalTitle appearance="danger">Delete “{connection.name}”?</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.150">
          <Text as="p">
            Jira events will stop being forwarded to {connection.host}, and the stored API key is deleted. This cannot be undone.
          </Text>
          {error && (
            <VisibleAlert>
              <ErrorSectionMessage error={error} forbiddenMessage={forbiddenMessage} title="The connection was not deleted" testId="delete-error" />
            </VisibleAlert>
          )}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onClose} testId="cancel-delete">
          Cancel
        </Button>
        <Button appearance="danger" onClick={() => void confirm()} isLoading={deleting} testId="confirm-delete">
          Delete
        </Button>
      </ModalFooter>
    </Modal>
  );
}
