import { countLabel } from './count-label';

/** The flag after "Redeliver all failed since": how many were queued, and whether to run it again. */
export function redeliverFailedMessage(result: { queued: number; more: boolean }, connectionName: string, since: string): string {
  if (result.queued === 0) return `No failed deliveries to ${connectionName} since ${since}.`;
  const queued = `${countLabel(result.queued, 'delivery', 'deliveries')} queued for redelivery`;
  return result.more ? `${queued}; run it again for the rest.` : `${queued}; they keep their webhook-id.`;
}
