import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { DeliveryView } from '../../../../src/shared/contract';
import { formatLatency } from '../format/format-latency';
import { formatTime } from '../format/format-time';
import { webhookEventLabel } from '../format/webhook-event-label';
import { DeliveryStateCell } from './DeliveryStateCell';
import { VisuallyHidden } from './VisuallyHidden';

const HEAD: HeadType = {
  cells: [
    { key: 'time', content: 'Time' },
    { key: 'event', content: 'Event' },
    { key: 'issue', content: 'Issue' },
    { key: 'connection', content: 'Connection' },
    { key: 'state', content: 'State' },
    { key: 'status', content: 'HTTP status' },
    { key: 'attempts', content: 'Attempts' },
    { key: 'latency', content: 'Latency' },
    { key: 'actions', content: <VisuallyHidden>Actions</VisuallyHidden> },
  ],
};

// Keys and event names never break ("ENG-" over "3"); a long connection name gives way instead.
const noWrap = xcss({ whiteSpace: 'nowrap' });
const nameColumn = xcss({ maxWidth: '18rem', minWidth: '8rem' });

export const deliveryKey = (delivery: DeliveryView): string => `${delivery.eventId}:${delivery.connectionId}`;

function toRow(delivery: DeliveryView, onOpen: (delivery: DeliveryView) => void): RowType {
  const issue = delivery.issueKey ?? '—';
  return {
    key: deliveryKey(delivery),
    testId: `delivery-row-${delivery.eventId}-${delivery.connectionId}`,
    // Mouse users click anywhere on the row; keyboard users have the Details button.
    onClick: () => onOpen(delivery),
  cells: [
      { key: 'time', content: formatTime(delivery.createdAt) },
      {
        key: 'event',
        content: (
          <Stack xcss={noWrap}>
            <Text>{webhookEventLabel(delivery.webhookEvent, delivery.eventKind)}</Text>
            <Text size="small" color="color.text.subtlest">
              {delivery.webhookEvent}
            </Text>
          </Stack>
        ),
      },
      { key: 'issue', content: <Box xcss={noWrap}>{issue}</Box> },
      {
        key: 'connection',
        content: (
          // At most two lines, then an ellipsis; the whole name on hover.
          <Box xcss={nameColumn}>
            <span title={delivery.connectionName} data-testid={`delivery-connection-${delivery.eventId}-${delivery.connectionId}`}>
              <Text maxLines={2}>{delivery.connectionName}</Text>
            </span>
          </Box>
        ),
      },
      { key: 'state', content: <DeliveryStateCell delivery={delivery} /> },
      { key: 'status', content: delivery.status ?? (delivery.error ? 'No response' : '—') },
      { key: 'attempts', content: delivery.attempts },
      { key: 'latency', content: formatLatency(delivery.latencyMs) },
      {
        key: 'actions',
        content: (
          <Button
            spacing="compact"
            appearance="subtle"
            onClick={(event) => {
              // The row's own click handler would open it a second time.
              event.stopPropagation();
              onOpen(delivery);
            }}
            aria-label={`Details of the ${webhookEventLabel(delivery.webhookEvent, delivery.eventKind)} delivery for ${issue} to ${delivery.connectionName}`}
            testId={`delivery-details-${delivery.eventId}-${delivery.connectionId}`}
          >
            Details
          </Button>
        ),
      },
  ],
  };
}

interface Props {
  deliveries: DeliveryView[];
  onOpen: (delivery: DeliveryView) => void;
}

export function DeliveriesTable({ deliveries, onOpen }: Props) {
  return <DynamicTable label="Deliveries" head={HEAD} rows={deliveries.map((d) => toRow(d, onOpen))} testId="deliveries" />;
}
