/**
 * The built-in sample listener: answers like an Agent Studio listener (docs/receiver.md) so the app
 * can be exercised offline. Its id and token are generated once and kept in `<dataDir>/sample-listener.json`.
 */
import { randomBytes, randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono } from 'hono';
import { z } from 'zod';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ListenerRequestRecord {
  at: string;
  method: string;
  path: string;
  /** Header names lower-cased; Authorization masked as `Bearer ****<last4>`. */
  headers: Record<string, string>;
  /** Parsed JSON, or the raw text when it is not JSON (null when empty or too large). */
  body: unknown;
  status: number;
}

export interface SampleListener {
  readonly listenerId: string;
  /** Never log this; it is only handed to the seeding code. */
  readonly token: string;
  /** The Hono routes (`/listener/:id/notify` and the Moveworks-style alias). */
  readonly routes: Hono;
  url(origin: string): string;
  requests(): ListenerRequestRecord[];
  clear(): void;
  /** Answer 503 to the next `count` requests (demos, retry tests). */
  failNext(count: number): void;
  pendingFailures(): number;
}

const storedSchema = z.object({ listenerId: z.string().uuid(), token: z.string().min(16) });
const MAX_KEPT = 500;

async function loadOrCreate(dataDir: string): Promise<z.infer<typeof storedSchema>> {
  const file = join(dataDir, 'sample-listener.json');
  try {
    const parsed = storedSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' && !(err instanceof SyntaxError)) throw err;
  }
  const created = { listenerId: randomUUID(), token: `sl_${randomBytes(24).toString('base64url')}` };
  await mkdir(dataDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(created, null, 2), { mode: 0o600 });
  await rename(tmp, file);
  return created;
}

/** Compares digests so neither the length nor the content of the token leaks through timing. */
function tokenMatches(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function maskAuthorization(value: string): string {
  const m = /^Bearer\s+(.*)$/i.exec(value.trim());
  if (!m) return '****';
  return `Bearer ****${m[1].slice(-4)}`;
}

export async function createSampleListener(dataDir: string): Promise<SampleListener> {
  const { listenerId, token } = await loadOrCreate(dataDir);
  const log: ListenerRequestRecord[] = [];
  let failures = 0;
  const routes = new Hono();

  const notify = async (c: import('hono').Context): Promise<Response> => {
    const raw = new Uint8Array(await c.req.arrayBuffer());
    const headers: Record<string, string> = {};
    c.req.raw.headers.forEach((value, name) => {
      headers[name] = name === 'authorization' ? maskAuthorization(value) : value;
    });
    const record = (status: number, body: unknown): void => {
      log.push({ at: new Date().toISOString(), method: c.req.method, path: new URL(c.req.url).pathname, headers, body, status });
      if (log.length > MAX_KEPT) log.splice(0, log.length - MAX_KEPT);
    };
    const text = raw.byteLength <= MAX_BODY_BYTES ? new TextDecoder().decode(raw) : '';
    let body: unknown = null;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }

    if (c.req.param('id') !== listenerId) {
      record(404, body);
      return c.body(null, 404);
    }
    const auth = c.req.header('authorization') ?? '';
    const presented = /^Bearer\s+(.+)$/i.exec(auth.trim())?.[1] ?? '';
    if (!presented || !tokenMatches(presented, token)) {
      record(401, body);
      return c.json({ message: 'Unauthorized', status: 'UNAUTHORIZED' }, 401);
    }
    if (raw.byteLength > MAX_BODY_BYTES) {
      record(413, null);
      return c.json({ message: 'Payload too large', status: 'REJECTED' }, 413);
    }
    if (failures > 0) {
      failures--;
      record(503, body);
      return c.json({ message: 'Service unavailable', status: 'UNAVAILABLE' }, 503);
    }
    record(200, body);
    return c.json({ message: 'Event received successfully', status: 'RECEIVED' }, 200);
  };

  routes.post('/listener/:id/notify', notify);
  routes.post('/webhooks/v1/listeners/:id/notify', notify);

  return {
    listenerId,
    token,
    routes,
    url: (origin) => `${origin}/listener/${listenerId}/notify`,
    requests: () => [...log].reverse(),
    clear: () => {
      log.length = 0;
    },
    failNext: (count) => {
      failures = Math.max(0, Math.floor(count));
    },
    pendingFailures: () => failures,
  };
}
