import { Queue } from '@forge/events';
import type { RetryJob, RetryQueue } from '../services/ports';

/** manifest.yml's consumer reads this queue. */
export const RETRY_QUEUE_KEY = 'delivery-retries';
/** Forge's limits: ≤ 900 s delay and ≤ 50 events per push (platform.md "Async events"). */
const MAX_DELAY_SECONDS = 900;
const MAX_EVENTS_PER_PUSH = 50;
/** At most this many retries to one listener host run at the same time. */
const PER_HOST_CONCURRENCY = 2;

export class ForgeRetryQueue implements RetryQueue {
  private readonly queue = new Queue({ key: RETRY_QUEUE_KEY });

  async push(jobs: readonly RetryJob[], nowMs: number): Promise<void> {
    for (let i = 0; i < jobs.length; i += MAX_EVENTS_PER_PUSH) {
      await this.queue.push(
        jobs.slice(i, i + MAX_EVENTS_PER_PUSH).map((job) => ({
          body: { ...job },
          delayInSeconds: Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil((job.dueAt - nowMs) / 1000))),
          concurrency: { key: concurrencyKey(job.host), limit: PER_HOST_CONCURRENCY },
        })),
      );
    }
  }
}

/** Concurrency keys take letters, digits, - and _ only. */
function concurrencyKey(host: string): string {
  return `host-${host.replace(/[^A-Za-z0-9]/g, '-')}`.slice(0, 100);
}
