// A deep import, as the trigger's bundle needs only the queue (see src/forge/on-issue-event.ts).
import { RateLimitError } from '@forge/events/out/errors';
import { Queue } from '@forge/events/out/queue';
import type { RetryJob, RetryQueue } from '../services/ports';
import { QueueRateLimitedError } from '../services/queue-rate-limited';

/** manifest.yml's consumer reads this queue. */
export const RETRY_QUEUE_KEY = 'delivery-retries';
/** Forge's limits: ≤ 900 s delay and ≤ 50 events per push (platform.md "Async events"). */
const MAX_DELAY_SECONDS = 900;
const MAX_EVENTS_PER_PUSH = 50;

export class ForgeRetryQueue implements RetryQueue {
  private readonly queue = new Queue({ key: RETRY_QUEUE_KEY });

  async push(jobs: readonly RetryJob[]): Promise<void> {
    try {
      await this.pushInChunks(jobs);
    } catch (error) {
      // Services know the queue only through the port: tell them a rate limit apart from other refusals.
      if (error instanceof RateLimitError) throw new QueueRateLimitedError(error.message);
      throw error;
    }
  }

  private async pushInChunks(jobs: readonly RetryJob[]): Promise<void> {
    for (let i = 0; i < jobs.length; i += MAX_EVENTS_PER_PUSH) {
      await this.queue.push(
        jobs.slice(i, i + MAX_EVENTS_PER_PUSH).map((job) => {
          const delay = Math.min(MAX_DELAY_SECONDS, job.waitSeconds);
          return {
            // What is left after this hop travels with the job; the consumer hops again while it is > 0.
            body: { ...job, waitSeconds: job.waitSeconds - delay },
            delayInSeconds: delay,
            concurrency: { key: concurrencyKey(job.host), limit: job.hostParallel },
          };
        }),
      );
    }
  }
}

/** Concurrency keys take letters, digits, - and _ only. */
function concurrencyKey(host: string): string {
  return `host-${host.replace(/[^A-Za-z0-9]/g, '-')}`.slice(0, 100);
}
