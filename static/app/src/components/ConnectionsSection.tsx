import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import type { ConnectionDialogKind } from './ConnectionDialog';
import { ConnectionsTable } from './ConnectionsTable';

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
    <Box as="section" aria-labelledby="connections-heading">
      <Stack space="space.200">
        <Inline spread="space-between" alignBlock="center">
          <Stack space="space.050">
            <Heading size="medium" as="h2" id="connections-heading">
              Connections
            </Heading>
            <Text color="color.text.subtle">Each connection forwards the events you choose to one Agent Studio listener.</Text>
          </Stack>
          {connections.length > 0 && create}
        </Inline>
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
      </Stack>
    </Box>
  );
}
