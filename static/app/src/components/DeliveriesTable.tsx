import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import type { DeliveryView } from '../../../../src/shared/contract';
import { formatTime } from '../format/format-time';
import { DeliveryStateLozenge } from './DeliveryStateLozenge';

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
  ],
};

function toRow(delivery: DeliveryView): RowType {
  return {
    // One delivery per event and connection, so the pair is unique.
    key: `${delivery.eventId}:${delivery.connectionId}`,
    cells: [
      { key: 'time', content: formatTime(delivery.lastAttemptAt) },
      { key: 'event', content: delivery.webhookEvent },
      { key: 'issue', content: delivery.issueKey ?? '—' },
      { key: 'connection', content: delivery.connectionName },
      { key: 'state', content: <DeliveryStateLozenge state={delivery.state} /> },
      { key: 'status', content: delivery.status ?? (delivery.error ? 'No response' : '—') },
      { key: 'attempts', content: delivery.attempts },
      { key: 'latency', content: delivery.latencyMs === undefined ? '—' : `${delivery.latencyMs} ms` },
    ],
  };
}

export function DeliveriesTable({ deliveries }: { deliveries: DeliveryView[] }) {
  return <DynamicTable label="Recent deliveries" head={HEAD} rows={deliveries.map(toRow)} rowsPerPage={20} testId="deliveries" />;
}
