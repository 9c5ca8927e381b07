import type { ConnectionView } from '../../../../src/shared/contract';
import { ConnectionFormDialog } from './ConnectionFormDialog';
import { DeleteConnectionDialog } from './DeleteConnectionDialog';
import { SendIssueDialog } from './SendIssueDialog';
import { TestConnectionDialog } from './TestConnectionDialog';

export type ConnectionDialogKind = 'create' | 'edit' | 'test' | 'send' | 'delete';

export interface OpenDialog {
  kind: ConnectionDialogKind;
  connection?: ConnectionView;
}

interface Props {
  dialog: OpenDialog;
  allowedHosts: string[];
  forbiddenMessage: string;
  onSaved: (saved: ConnectionView, created: boolean) => void;
  onDeleted: (id: string, name: string) => void;
  onClose: () => void;
}

/** The admin page's dialogs, in one lazily loaded chunk: a visit that opens none never downloads them. */
export function ConnectionDialog({ dialog, allowedHosts, forbiddenMessage, onSaved, onDeleted, onClose }: Props) {
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
  return <DeleteConnectionDialog connection={connection} forbiddenMessage={forbiddenMessage} onDeleted={(id) => onDeleted(id, connection.name)} onClose={onClose} />;
}
