import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { Stack, Text } from '@atlaskit/primitives';
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
          <Stack>
            <Text>{webhookEventLabel(delivery.webhookEvent)}</Text>
            <Text size="small" color="color.text.subtlest">
              {delivery.webhookEvent}
            </Text>
          </Stack>
        ),
      },
      { key: 'issue', content: issue },
      { key: 'connection', content: delivery.connectionName },
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
            aria-label={`Details of the ${webhookEventLabel(delivery.webhookEvent)} delivery for ${issue} to ${delivery.connectionName}`}
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
