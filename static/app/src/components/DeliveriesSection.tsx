import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { ModalTransition } from '@atlaskit/modal-dialog';
import { Box, Inline } from '@atlaskit/primitives';
import type { DeliveryRef, DeliveryView } from '../../../../src/shared/contract';
import type { DeliverySource } from '../api/delivery-source';
import { useDeliveryLog, type LogFilter } from '../hooks/use-delivery-log';
import { DeliveriesTable } from './DeliveriesTable';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { LoadingState } from './LoadingState';
import { PageSection } from './PageSection';

const DeliveryFilters = lazy(() => import('./DeliveryFilters').then((m) => ({ default: m.DeliveryFilters })));
const DeliveryDetailDialog = lazy(() => import('./DeliveryDetailDialog').then((m) => ({ default: m.DeliveryDetailDialog })));

interface Props {
  /** The admin page reads the whole site's log, the project page only its project's. */
  source: DeliverySource;
  forbiddenMessage: string;
  /** Offered as a filter on the admin page only. */
  connections?: { id: string; name: string }[];
  description: string;
  /** Admin page: "Redeliver all failed since…" for the connection the log is filtered on. */
  onRedeliverFailed?: (connectionId: string, since?: string) => void;
  /** A change of this number reloads the log (e.g. after deliveries were queued elsewhere). */
  reloadSignal?: number;
}

export function DeliveriesSection({ source, forbiddenMessage, connections, description, onRedeliverFailed, reloadSignal }: Props) {
  const [filter, setFilter] = useState<LogFilter>({});
  const log = useDeliveryLog(source, filter);
  const [open, setOpen] = useState<DeliveryRef>();
  const filtered = useMemo(() => Object.keys(filter).length > 0, [filter]);
  const { reload } = log;
  useEffect(() => {
    if (reloadSignal) reload();
  }, [reloadSignal, reload]);
  const failedOf = filter.state === 'failed' ? filter.connectionId : undefined;
  const failedName = failedOf && connections?.find((c) => c.id === failedOf)?.name;

  return (
    <PageSection
      id="deliveries"
      title="Deliveries"
      description={description}
      actions={
        <Inline space="space.100">
          {onRedeliverFailed && failedOf && failedName && (
            <Button
              onClick={() => onRedeliverFailed(failedOf, filter.from)}
              aria-label={`Redeliver all failed since… for ${failedName}`}
              testId="redeliver-failed-from-log"
            >
              Redeliver all failed since…
            </Button>
          )}
          <Button onClick={log.reload} isLoading={log.loading && log.deliveries !== undefined} testId="refresh-deliveries">
            Refresh
          </Button>
        </Inline>
      }
    >
      {/* The placeholder keeps the filter bar's height, so the table does not jump when it arrives. */}
      <Suspense fallback={<div style={{ minHeight: '3.75rem' }} />}>
        <DeliveryFilters filter={filter} onChange={setFilter} connections={connections} />
      </Suspense>
      {log.error && <ErrorSectionMessage error={log.error} forbiddenMessage={forbiddenMessage} title="Deliveries could not be loaded" />}
      {log.deliveries === undefined && log.loading && <LoadingState label="Loading deliveries" />}
      {log.deliveries !== undefined && (
        <Box testId="deliveries-table" aria-busy={log.loading}>
          {log.deliveries.length === 0 ? (
            <EmptyState
              header={filtered ? 'No deliveries match these filters' : 'No deliveries yet'}
              description={
                filtered
                  ? 'Change or clear the filters to see more.'
                  : 'Deliveries appear here as soon as an issue changes in a project a connection covers.'
              }
              headingLevel={3}
            />
          ) : (
            <DeliveriesTable deliveries={log.deliveries} onOpen={(d: DeliveryView) => setOpen({ eventId: d.eventId, connectionId: d.connectionId })} />
          )}
        </Box>
      )}
      {log.hasMore && (
        <Inline alignInline="center">
          <Button onClick={log.loadMore} isLoading={log.loadingMore} testId="load-more-deliveries">
            Load more
          </Button>
        </Inline>
      )}
      <Suspense fallback={null}>
        <ModalTransition>
          {open && (
            <DeliveryDetailDialog source={source} deliveryRef={open} forbiddenMessage={forbiddenMessage} onClose={() => setOpen(undefined)} onChanged={log.replace} />
          )}
        </ModalTransition>
      </Suspense>
    </PageSection>
  );
}
