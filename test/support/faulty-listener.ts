import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A misbehaving listener for fault-injection tests, independent of the app: a real node:http server on
 * 127.0.0.1 whose answer to each request is decided by the test (a status after a delay, no answer at
 * all, or a reset socket), and which can be stopped and started again on the SAME port to emulate an
 * outage with refused connections. It records when each request arrived and what it was answered.
 */
export type Fault =
  | { kind: 'reply'; status: number; headers?: Record<string, string>; body?: string; delayMs?: number }
  /** Read the request and never answer; the socket stays open until the client gives up or the listener closes. */
  | { kind: 'hang' }
  /** Read the request, then destroy the socket without a response. */
  | { kind: 'reset' };

export interface FaultyRequest {
  /** Date.now() when the request's headers arrived. */
  arrivedAt: number;
  webhookId: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** A connection test or breaker probe (`X-Relay-Test: true`), not an event. */
  test: boolean;
  /** 1 for the first request carrying this webhook-id, 2 for the second… */
  attemptForId: number;
  /** What the listener did; `answered` is set once a status line and body were fully written. */
  fault?: Fault;
  answered?: number;
  answeredAt?: number;
  /** The client closed the connection before an answer was written (timeout, reset by us). */
  closedUnanswered?: boolean;
  closedAt?: number;
}

export type FaultPlan = (request: FaultyRequest) => Fault;

export interface FaultyListener {
  readonly url: string;
  readonly port: number;
  readonly requests: FaultyRequest[];
  /** Replaces the plan for requests arriving from now on. */
  setPlan(plan: FaultPlan): void;
  /** Closes the server and every open connection: new connections are refused until `start()`. */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  readonly running: boolean;
  /** Event requests (tests and probes left out) per webhook-id that were answered with a 2xx. */
  acceptedCounts(): Map<string, number>;
  /** Requests that carry events (tests and probes left out). */
  eventRequests(): FaultyRequest[];
  requestsFor(webhookId: string): FaultyRequest[];
  /** Polls until `predicate` holds (checked on every arrival and answer, and every 50 ms). */
  waitUntil(predicate: (requests: readonly FaultyRequest[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export const RECEIVED_BODY = JSON.stringify({ message: 'Event received successfully', status: 'RECEIVED' });
export const ok = (delayMs = 0): Fault => ({ kind: 'reply', status: 200, body: RECEIVED_BODY, delayMs });
export const status = (code: number, headers?: Record<string, string>): Fault => ({ kind: 'reply', status: code, headers, body: JSON.stringify({ status: code }) });

export async function startFaultyListener(plan: FaultPlan = () => ok()): Promise<FaultyListener> {
  const requests: FaultyRequest[] = [];
  const perId = new Map<string, number>();
  const sockets = new Set<Socket>();
  const pending = new Set<ServerResponse>();
  const timers = new Set<NodeJS.Timeout>();
  const wakers = new Set<() => void>();
  let currentPlan = plan;
  let server: Server | undefined;
  let port = 0;

  const wake = (): void => {
    for (const w of [...wakers]) w();
  };

  const handle = (req: import('node:http').IncomingMessage, res: ServerResponse): void => {
    const arrivedAt = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const webhookId = String(req.headers['webhook-id'] ?? '');
      const attemptForId = (perId.get(webhookId) ?? 0) + 1;
      perId.set(webhookId, attemptForId);
      const request: FaultyRequest = {
        arrivedAt,
        webhookId,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        test: req.headers['x-relay-test'] === 'true',
        attemptForId,
      };
      const fault = currentPlan(request);
      request.fault = fault;
      requests.push(request);
      pending.add(res);
      res.on('finish', () => {
        pending.delete(res);
        request.answered = res.statusCode;
        request.answeredAt = Date.now();
        wake();
      });
      res.on('close', () => {
        pending.delete(res);
        if (request.answered === undefined) {
          request.closedUnanswered = true;
          request.closedAt = Date.now();
        }
        wake();
      });
      wake();
      if (fault.kind === 'hang') return;
      if (fault.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (res.destroyed) return;
        res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
        res.end(fault.body ?? '');
      }, fault.delayMs ?? 0);
      timers.add(timer);
    });
  };

  const listen = async (): Promise<void> => {
    const s = createServer(handle);
    s.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject);
      s.listen(port, '127.0.0.1', () => {
        s.off('error', reject);
        resolve();
      });
    });
    port = (s.address() as AddressInfo).port;
    server = s;
  };

  const stop = async (): Promise<void> => {
    const s = server;
    if (!s) return;
    server = undefined;
    for (const t of timers) clearTimeout(t);
    timers.clear();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await listen();
  return {
    url: `http://127.0.0.1:${port}/webhooks/v1/listeners/2b0e1f3a-5c4d-4e6f-8a9b-0c1d2e3f4a5b/notify`,
    port,
    requests,
    setPlan(next) {
      currentPlan = next;
    },
    stop,
    start: async () => {
      if (!server) await listen();
    },
    get running() {
      return server !== undefined;
    },
    acceptedCounts() {
      const counts = new Map<string, number>();
      for (const r of requests) {
        if (!r.test && r.answered !== undefined && r.answered >= 200 && r.answered < 300) counts.set(r.webhookId, (counts.get(r.webhookId) ?? 0) + 1);
      }
      return counts;
    },
    eventRequests() {
      return requests.filter((r) => !r.test);
    },
    requestsFor(webhookId) {
      return requests.filter((r) => r.webhookId === webhookId);
    },
    async waitUntil(predicate, what, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(requests)) {
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`Listener: timed out after ${timeoutMs} ms waiting for ${what} (${requests.length} requests so far)`);
        await new Promise<void>((resolve) => {
          const done = (): void => {
            clearTimeout(timer);
            wakers.delete(done);
            resolve();
          };
          const timer = setTimeout(done, Math.min(50, left));
          wakers.add(done);
        });
      }
    },
    async close() {
      for (const res of pending) res.destroy();
      await stop();
    },
  };
}
