import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalPlatform, type LocalPlatform } from '../../local/server/start-local-platform';
import { eventually } from '../support/eventually';
import { receivedReply, startLoopbackListener, type LoopbackListener, type Reply } from '../support/loopback-listener';
import { fixtureEvent } from '../support/platform';

const TOKEN = 'lst_burst_token_3f9a';
const LIMIT_PER_SECOND = 50;
const EVENTS = 150;
/** Another client of the same organisation uses up the limit once, mid-burst: a 429 the pacer cannot foresee. */
const FOREIGN_429_AT = 75;

/**
 * A burst three times the listener's per-second limit, with the platform's remote calls as slow as the
 * bench makes them (a request leaves 120 ms after the app sends it). The trigger sends what fits and parks
 * the rest in the queue; the pacer keeps every one-second window at the listener within its limit, and
 * after a 429 pauses and then goes on at its pace instead of all at once. Asserted on counts; the time
 * bound only catches a stall (the burst needs ~4 s; a cascade of 429 pauses or a platform retry a minute
 * later would not fit).
 */
describe('a burst above the listener’s rate limit', () => {
  let listener: LoopbackListener;
  let platform: LocalPlatform;
  let dataDir: string;
  const acceptedAt: number[] = [];
  const accepted = new Map<string, number>();
  let refused = 0;

  beforeAll(async () => {
    // Like Agent Studio: a sliding one-second window, 429 with Retry-After above the limit.
    listener = await startLoopbackListener((request, index): Reply => {
      const now = Date.now();
      while (acceptedAt.length > 0 && (acceptedAt[0] ?? now) <= now - 1000) acceptedAt.shift();
      if (acceptedAt.length >= LIMIT_PER_SECOND || index === FOREIGN_429_AT) {
        refused += 1;
        return { status: 429, body: 'slow down', headers: { 'Retry-After': '1' } };
      }
      acceptedAt.push(now);
      const id = String(request.headers['webhook-id']);
      accepted.set(id, (accepted.get(id) ?? 0) + 1);
      return receivedReply();
    });
    dataDir = mkdtempSync(join(tmpdir(), 'relay-burst-'));
    platform = await startLocalPlatform({
      port: 0,
      dataDir,
      listener: { url: listener.url, token: TOKEN, rate: LIMIT_PER_SECOND },
      latencyMs: { kvs: 15, jira: 80, egress: 120 },
      quiet: true,
    });
  });
  afterAll(async () => {
    await platform.close();
    await listener.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('delivers every event exactly once, with at most a handful of 429s and no stall', async () => {
    const base = Date.now();
    const fixture = fixtureEvent('issue-updated-field');
    const events = Array.from({ length: EVENTS }, (_, i) => ({ ...fixture, eventType: String(fixture.eventType), timestamp: String(base + i) }));
    const started = Date.now();
    await Promise.all(events.map((event) => platform.forge.dispatchEvent(event)));
    await eventually(() => Promise.resolve(accepted.size === EVENTS ? true : undefined), `all ${EVENTS} events accepted`, 20_000);
    const tookMs = Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 500)); // nothing more may arrive

    expect([...accepted.values()].every((n) => n === 1)).toBe(true);
    expect(refused).toBeLessThanOrEqual(5);
    expect(listener.requests).toHaveLength(EVENTS + refused);
    expect(tookMs).toBeLessThan(15_000);
  });
});
