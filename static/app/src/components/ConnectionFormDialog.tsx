import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack } from '@atlaskit/primitives';
import type { ConnectionView } from '../../../../src/shared/contract';
import { useConnectionForm } from '../hooks/use-connection-form';
import { ConnectionFormFields } from './ConnectionFormFields';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { VisuallyHidden } from './VisuallyHidden';

interface Props {
  /** Undefined to create a new connection. */
  connection: ConnectionView | undefined;
  allowedHosts: string[];
  forbiddenMessage: string;
  onSaved: (saved: ConnectionView) => void;
  onClose: () => void;
}

/** Create and edit in a dialog, as Jira's own admin screens do; the list stays visible behind it. */
export function ConnectionFormDialog({ connection, allowedHosts, forbiddenMessage, onSaved, onClose }: Props) {
  const form = useConnectionForm(connection, onSaved);
  const title = connection ? `Edit ${connection.name}` : 'Create connection';
  return (
    <Modal onClose={onClose} width="large" label={title} shouldScrollInViewport testId="connection-dialog">
      <form
        aria-label="Connection settings"
        data-testid="connection-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
      >
        <ModalHeader hasCloseButton>
          <ModalTitle>{title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.200">
            {form.formError && (
              <div role="alert">
                <ErrorSectionMessage error={form.formError} forbiddenMessage={forbiddenMessage} title="The connection was not saved" testId="form-error" />
              </div>
            )}
            {Object.keys(form.errors).length > 0 && (
              // Announced once per failed save; each message sits next to its field.
              <div role="alert" data-testid="form-errors-summary">
                <VisuallyHidden>Fix the fields marked in red and save again.</VisuallyHidden>
              </div>
            )}
            <ConnectionFormFields form={form} connection={connection} allowedHosts={allowedHosts} />
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose} testId="cancel-connection">
            Cancel
          </Button>
          <Button type="submit" appearance="primary" isLoading={form.saving} testId="save-connection">
            {connection ? 'Save' : 'Create'}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
