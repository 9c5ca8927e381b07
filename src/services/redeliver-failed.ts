import { retryJobFor } from './retry-job';
import type { Clock, ConfigStore, DeliveryStore, RetryJob, RetryQueue } from './ports';
import { RelayError } from './relay-error';

/** Forge accepts 500 queue events a minute per installation; one click stays under that. */
export const REDELIVER_FAILED_CAP = 400;
const PAGE = 100;
/**
 * Indexes range over when a delivery was first handled, but "failed since" means when it failed (its last
 * attempt, up to ~28 h later): so the scan starts that much earlier and filters on the last attempt.
 */
const FAILURE_LAG_MS = 30 * 60 * 60 * 1000;

/**
 * "Redeliver all failed since <time>": queues every delivery of a connection that ended `failed` since
 * then for an immediate attempt with its original webhook-id (newest first, at most 400 a click). The
 * queue sends them at the listener's pace; a delivery redelivered meanwhile is not sent twice.
 */
export async function redeliverFailed(
  deps: { deliveries: DeliveryStore; queue: RetryQueue; configStore: ConfigStore; clock: Clock },
  connectionId: string,
  sinceMs: number,
): Promise<{ queued: number; more: boolean }> {
  const config = await deps.configStore.load();
  if (!config.connections.some((c) => c.id === connectionId)) throw new RelayError('NOT_FOUND', 'This connection no longer exists.', 'connectionId');
  const jobs: RetryJob[] = [];
  let cursor: string | undefined;
  let more = false;
  do {
    const page = await deps.deliveries.query({ connectionId, state: 'failed', fromMs: sinceMs - FAILURE_LAG_MS, limit: PAGE, cursor });
    for (const record of page.records.filter((r) => r.updatedAt >= sinceMs)) {
      if (jobs.length === REDELIVER_FAILED_CAP) {
        more = true;
        break;
      }
      jobs.push(retryJobFor(record, config, { waitSeconds: 0, manual: true }));
    }
    cursor = page.nextCursor;
  } while (cursor && !more);
  if (jobs.length > 0) await deps.queue.push(jobs);
  return { queued: jobs.length, more };
}
