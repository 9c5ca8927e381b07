import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import type { DeliveryView, ResolverResult } from '../../../../src/shared/contract';
import { useResolverData } from '../hooks/use-resolver-data';
import { DeliveriesTable } from './DeliveriesTable';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { LoadingState } from './LoadingState';

interface Props {
  /** Stable loader: the admin page lists every delivery, the project page only its own. */
  load: () => Promise<ResolverResult<{ deliveries: DeliveryView[] }>>;
  forbiddenMessage: string;
}

export function DeliveriesSection({ load, forbiddenMessage }: Props) {
  const { data, error, loading, reload } = useResolverData(load);

  return (
    <Box as="section" aria-labelledby="deliveries-heading">
      <Stack space="space.200">
      <Inline spread="space-between" alignBlock="center">
        <Heading size="medium" as="h2" id="deliveries-heading">
          Recent deliveries
        </Heading>
        <Button onClick={reload} isLoading={loading && data !== undefined} testId="refresh-deliveries">
          Refresh
        </Button>
      </Inline>
      {error && <ErrorSectionMessage error={error} forbiddenMessage={forbiddenMessage} title="Deliveries could not be loaded" />}
      {data === undefined && loading && <LoadingState label="Loading deliveries" />}
      {data !== undefined && (
        <Box testId="deliveries-table">
          {data.deliveries.length === 0 ? (
            <EmptyState header="No deliveries yet" description="No deliveries yet. Events appear here after the first issue changes." headingLevel={3} />
          ) : (
            <DeliveriesTable deliveries={data.deliveries} />
          )}
        </Box>
      )}
      </Stack>
    </Box>
  );
}
