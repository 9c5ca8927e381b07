import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Box } from '@atlaskit/primitives';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import type { ConnectionDialogKind } from './ConnectionDialog';
import { ConnectionsTable } from './ConnectionsTable';
import { PageSection } from './PageSection';

interface Props {
  connections: ConnectionView[];
  onAction: (kind: ConnectionDialogKind, connection?: ConnectionView) => void;
  onSaved: (saved: ConnectionView) => void;
  onToggleError: (error: ResolverError, connection: ConnectionView) => void;
}

export function ConnectionsSection({ connections, onAction, onSaved, onToggleError }: Props) {
  const create = (
    <Button appearance="primary" onClick={() => onAction('create')} testId="create-connection">
      Create connection
    </Button>
  );
  return (
    <PageSection
      id="connections"
      title="Connections"
      description="Each connection forwards the events you choose to one Agent Studio listener."
      actions={connections.length > 0 && create}
    >
      {connections.length === 0 ? (
        <Box testId="connections-empty">
          <EmptyState
            header="Connect Jira to Agent Studio"
            description="Create a connection with your listener's URL and API key, and Jira issue events start reaching your agent."
            headingLevel={3}
            primaryAction={create}
          />
        </Box>
      ) : (
        <ConnectionsTable connections={connections} onAction={onAction} onSaved={onSaved} onToggleError={onToggleError} />
      )}
    </PageSection>
  );
}
