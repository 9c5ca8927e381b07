import { useState } from 'react';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import { Box, Stack, Text } from '@atlaskit/primitives';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import { ConnectionForm } from './ConnectionForm';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { TestConnectionPanel } from './TestConnectionPanel';

interface Props {
  /** Every connection; this version edits the first and says so when there are more. */
  connections: ConnectionView[];
  allowedHosts: string[];
  onSaved: (connection: ConnectionView) => void;
  forbiddenMessage: string;
}

export function ConnectionSection({ connections, allowedHosts, onSaved, forbiddenMessage }: Props) {
  const connection = connections[0];
  const [error, setError] = useState<ResolverError>();
  const [saved, setSaved] = useState(false);

  const handleSaved = (next: ConnectionView) => {
    setSaved(true);
    onSaved(next);
  };
  const handleError = (next: ResolverError | undefined) => {
    setError(next);
    if (next) setSaved(false);
  };

  return (
    <Box as="section" aria-labelledby="connection-heading">
      <Stack space="space.200">
        <Heading size="medium" as="h2" id="connection-heading">
          {connection ? 'Connection' : 'New connection'}
        </Heading>
        {connections.length > 1 && (
          <Text color="color.text.subtle">
            Editing “{connection?.name}”. The other {connections.length - 1} connection(s) keep forwarding but cannot be edited here yet.
          </Text>
        )}
        {/* Live regions that only exist while they have something to say keep the layout tight. */}
        {saved && !error && (
          <div role="status">
            <SectionMessage appearance="success" title="Connection saved" testId="save-result">
              <p>Events are forwarded with these settings from now on.</p>
            </SectionMessage>
          </div>
        )}
        {error && (
          <div role="alert">
            <ErrorSectionMessage error={error} forbiddenMessage={forbiddenMessage} title="The connection was not saved" testId="save-result" />
          </div>
        )}
        <ConnectionForm
          // A new id/updatedAt remounts the form so it starts from what was saved.
          key={connection ? `${connection.id}:${connection.updatedAt}` : 'new'}
          connection={connection}
          allowedHosts={allowedHosts}
          onSaved={handleSaved}
          onError={handleError}
        />
        <TestConnectionPanel key={connection?.id ?? 'new'} connectionId={connection?.id} forbiddenMessage={forbiddenMessage} />
      </Stack>
    </Box>
  );
}
