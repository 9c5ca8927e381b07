import { EVENT_KINDS, EVENT_KIND_LABELS, type EventKind } from '../../../../src/shared/events';

/** A short, human summary for a table cell: "All events", or the first two labels and a count. */
export function eventsSummary(events: readonly EventKind[]): string {
  if (events.length === 0) return 'No events';
  if (events.length === EVENT_KINDS.length) return 'All events';
  const labels = EVENT_KINDS.filter((kind) => events.includes(kind)).map((kind) => EVENT_KIND_LABELS[kind]);
  if (labels.length <= 2) return labels.join(', ');
  return `${labels.slice(0, 2).join(', ')} and ${labels.length - 2} more`;
}
