import type { ConnectionView } from '../../../../src/shared/contract';
import { ConnectionFormDialog } from './ConnectionFormDialog';
import { DeleteConnectionDialog } from './DeleteConnectionDialog';
import { RedeliverFailedDialog } from './RedeliverFailedDialog';
import { SendIssueDialog } from './SendIssueDialog';
import { SigningDialog } from './SigningDialog';
import { TestConnectionDialog } from './TestConnectionDialog';

export type ConnectionDialogKind = 'create' | 'edit' | 'test' | 'send' | 'redeliverFailed' | 'signing' | 'delete';

export interface OpenDialog {
  kind: ConnectionDialogKind;
  connection?: ConnectionView;
  /** For `redeliverFailed`: where the time picker starts (an ISO date-time). */
  since?: string;
}

interface Props {
  dialog: OpenDialog;
  allowedHosts: string[];
  forbiddenMessage: string;
  onSaved: (saved: ConnectionView, created: boolean) => void;
  onDeleted: (id: string, name: string) => void;
  /** A change that keeps the dialog open (signing): the list shows the new copy. */
  onChanged: (connection: ConnectionView) => void;
  onQueued: (message: { title: string }) => void;
  onClose: () => void;
}

/** The admin page's dialogs, in one lazily loaded chunk: a visit that opens none never downloads them. */
export function ConnectionDialog({ dialog, allowedHosts, forbiddenMessage, onSaved, onDeleted, onChanged, onQueued, onClose }: Props) {
  const { kind, connection } = dialog;
  if (kind === 'create' || kind === 'edit' || !connection) {
    return (
      <ConnectionFormDialog
        connection={kind === 'create' ? undefined : connection}
        allowedHosts={allowedHosts}
        forbiddenMessage={forbiddenMessage}
        onSaved={(saved) => onSaved(saved, kind === 'create')}
        onClose={onClose}
      />
    );
  }
  if (kind === 'test') return <TestConnectionDialog connection={connection} forbiddenMessage={forbiddenMessage} onClose={onClose} />;
  if (kind === 'send') return <SendIssueDialog connection={connection} forbiddenMessage={forbiddenMessage} onClose={onClose} />;
  if (kind === 'signing') return <SigningDialog connection={connection} forbiddenMessage={forbiddenMessage} onChanged={onChanged} onClose={onClose} />;
  if (kind === 'redeliverFailed') {
    return <RedeliverFailedDialog connection={connection} since={dialog.since} forbiddenMessage={forbiddenMessage} onQueued={onQueued} onClose={onClose} />;
  }
  return <DeleteConnectionDialog connection={connection} forbiddenMessage={forbiddenMessage} onDeleted={(id) => onDeleted(id, connection.name)} onClose={onClose} />;
}
