import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * The bench's own listener, independent of the app: answers like an Agent Studio listener
 * (docs/receiver.md) and, with `limitPerSecond`, refuses with 429 any request beyond that many
 * accepted in the last second (a sliding window, as a per-second limit is enforced).
 */
export interface BenchListener {
  url: string;
  token: string;
  stats(): ListenerStats;
  /** Requests answered 200 and 429 in each whole second since `sinceMs` (performance.now() time). */
  timeline(sinceMs: number): { accepted: number[]; status429: number[] };
  /** Resolves with true once `count` distinct events were accepted, false at the timeout. */
  waitForDelivered(count: number, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface ListenerStats {
  requests: number;
  accepted: number;
  status429: number;
  unauthorized: number;
  /** Distinct `webhook-id`s (or bodies, when a sender sets none) answered 200. */
  deliveredUnique: number;
  /** performance.now() of the last first-time acceptance. */
  lastDeliveredAt: number;
}

const RECEIVED = JSON.stringify({ message: 'Event received successfully', status: 'RECEIVED' });

export async function startBenchListener(options: { token: string; limitPerSecond?: number }): Promise<BenchListener> {
  const acceptedTimes: number[] = [];
  const answered: Array<{ at: number; status: number }> = [];
  const delivered = new Set<string>();
  const stats: ListenerStats = { requests: 0, accepted: 0, status429: 0, unauthorized: 0, deliveredUnique: 0, lastDeliveredAt: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      stats.requests += 1;
      const now = performance.now();
      if (req.headers.authorization !== `Bearer ${options.token}`) {
        stats.unauthorized += 1;
        res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'Unauthorized' }));
        return;
      }
      if (options.limitPerSecond !== undefined) {
        while (acceptedTimes.length > 0 && (acceptedTimes[0] ?? now) <= now - 1000) acceptedTimes.shift();
        if (acceptedTimes.length >= options.limitPerSecond) {
          stats.status429 += 1;
          answered.push({ at: now, status: 429 });
          res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' }).end(JSON.stringify({ message: 'Too many requests' }));
          return;
        }
        acceptedTimes.push(now);
      }
      stats.accepted += 1;
      answered.push({ at: now, status: 200 });
      const header = req.headers['webhook-id'];
      const id = typeof header === 'string' ? header : Buffer.concat(chunks).toString('utf8');
      if (!delivered.has(id)) {
        delivered.add(id);
        stats.deliveredUnique = delivered.size;
        stats.lastDeliveredAt = now;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(RECEIVED);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/v1/listeners/6d0c6a55-0b1e-4f7a-9a43-5b8c2f1e7d90/notify`,
    token: options.token,
    stats: () => ({ ...stats }),
    timeline(sinceMs) {
      const accepted: number[] = [];
      const refused: number[] = [];
      for (const { at, status } of answered) {
        if (at < sinceMs) continue;
        const second = Math.floor((at - sinceMs) / 1000);
        const list = status === 200 ? accepted : refused;
        while (list.length <= second) list.push(0);
        list[second] = (list[second] ?? 0) + 1;
      }
      return { accepted, status429: refused };
    },
    async waitForDelivered(count, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (delivered.size < count) {
        if (Date.now() > deadline) return false;
        await new Promise<void>((resolve) => setTimeout(resolve, 20));
      }
      return true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
