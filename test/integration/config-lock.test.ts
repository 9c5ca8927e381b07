import { kvs } from '@forge/kvs';
import { CONFIG_LOCK_KEY, KvsConfigLock } from '../../src/forge/kvs-config-lock';
import { KvsConfigStore } from '../../src/forge/kvs-config-store';
import { ConfigBusyError } from '../../src/services/config-busy';
import type { ConnectionView, ProjectOverview, ResolverResult, SlaOverview, SlaSettings } from '../../src/shared/contract';
import { eventually } from '../support/eventually';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { dataOf } from '../support/resolver-data';

const BUSY = { code: 'CONFLICT', message: 'Another change to the relay’s configuration is being saved. Try again in a moment.' };
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The configuration's lock (src/forge/kvs-config-lock.ts) on the local platform's real KVS. The test
 * reads and writes the lock key itself with @forge/kvs: outside an invocation, the SDK talks to the one
 * open platform.
 */
describe('the configuration lock', () => {
  let platform: TestPlatform;
  let admin: string;
  let optInId: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    admin = platform.users.admin.accountId;
    const created = await platform.invokeAdmin<ConnectionView>('connections/save', {
      name: 'Opt-in listener',
      url: 'https://api.moveworks.ai/webhooks/v1/listeners/0f8b1a2c-1111-4222-8333-944445555666/notify',
      enabled: true,
      events: ['issue_created'],
      projects: { mode: 'optIn' },
      rateLimitPerSecond: 5,
      token: 'lock-test-api-key-123456',
    }, admin);
    optInId = dataOf(created).id;
  });
  afterAll(() => platform.close());
  afterEach(() => kvs.delete(CONFIG_LOCK_KEY));

  const slaSettings = async (): Promise<SlaSettings> => dataOf(await platform.invokeAdmin<SlaOverview>('sla/overview', {}, admin)).settings;
  const saveSla = (settings: SlaSettings): Promise<ResolverResult<SlaOverview>> => platform.invokeAdmin<SlaOverview>('sla/save', settings, admin);
  const setOptIn = (optedIn: boolean): Promise<ResolverResult<ProjectOverview>> =>
    platform.invokeProject<ProjectOverview>('project/setOptIn', { connectionId: optInId, optedIn }, platform.users.projectAdmin.accountId, 'SUP');
  const optedIn = async (): Promise<boolean | undefined> =>
    dataOf(await platform.invokeProject<ProjectOverview>('project/overview', {}, platform.users.projectAdmin.accountId, 'SUP')).connections.find((c) => c.id === optInId)?.optedIn;

  it('answers saves made while another writer holds it with a plain busy message, after waiting, and changes nothing', async () => {
    const before = await slaSettings();
    await kvs.set(CONFIG_LOCK_KEY, 'another-writer', { ttl: { value: 60, unit: 'SECONDS' } });

    const started = Date.now();
    const [sla, optIn] = await Promise.all([saveSla({ warnBeforeMinutes: 45, slaNames: [] }), setOptIn(true)]);
    const waitedMs = Date.now() - started;

    expect(sla).toEqual({ ok: false, error: BUSY });
    expect(optIn).toEqual({ ok: false, error: BUSY });
    expect(waitedMs).toBeGreaterThanOrEqual(4_000);
    expect(waitedMs).toBeLessThan(15_000);
    expect(await slaSettings()).toEqual(before);
    expect(await optedIn()).toBe(false);
    expect(await kvs.get(CONFIG_LOCK_KEY)).toBe('another-writer');

    // Once the other writer is done, the same save goes through.
    await kvs.delete(CONFIG_LOCK_KEY);
    expect(await saveSla({ warnBeforeMinutes: 45, slaNames: [] })).toMatchObject({ ok: true, data: { settings: { warnBeforeMinutes: 45 } } });
  });

  it('does not wait for a writer that died holding it once its TTL has passed', async () => {
    await kvs.set(CONFIG_LOCK_KEY, 'a-writer-that-died', { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 1, unit: 'SECONDS' } });
    await sleep(1_500);
    const started = Date.now();
    expect(await saveSla({ warnBeforeMinutes: 50, slaNames: [] })).toMatchObject({ ok: true });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await slaSettings()).toEqual({ warnBeforeMinutes: 50, slaNames: [] });
  });

  it('makes a save wait while another change holds it, then applies that save on top of the other change', async () => {
    await setOptIn(false);
    const store = new KvsConfigStore(new KvsConfigLock(quiet));
    let finish = (): void => undefined;
    const gate = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const order: string[] = [];
    const held = store.update(async (config) => {
      await gate;
      order.push('held change saved');
      return { config: { ...config, sla: { warnBeforeMinutes: 20, slaNames: ['Held'] } }, result: 'held' };
    });
    await eventually(async () => ((await kvs.get(CONFIG_LOCK_KEY)) === undefined ? undefined : true), 'the lock to be taken', 5_000);

    const waiting = setOptIn(true).then((result) => {
      order.push('opt-in answered');
      return result;
    });
    await sleep(500);
    expect(order).toEqual([]);
    finish();

    expect(await held).toBe('held');
    expect(await waiting).toMatchObject({ ok: true });
    expect(order).toEqual(['held change saved', 'opt-in answered']);
    expect(await optedIn()).toBe(true);
    expect(await slaSettings()).toEqual({ warnBeforeMinutes: 20, slaNames: ['Held'] });
    expect(await kvs.get(CONFIG_LOCK_KEY)).toBeUndefined();
  });

  it('releases it when a change is refused, and passes the refusal on unchanged', async () => {
    const duplicate = await platform.invokeAdmin<ConnectionView>('connections/save', {
      name: 'OPT-IN LISTENER',
      url: 'https://api.moveworks.ai/webhooks/v1/listeners/0f8b1a2c-1111-4222-8333-944445555666/notify',
      enabled: true,
      events: ['issue_created'],
      projects: { mode: 'all' },
      rateLimitPerSecond: 5,
      token: 'lock-test-api-key-123456',
    }, admin);
    expect(duplicate).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'name', message: 'Another connection already has this name' } });
    expect(await kvs.get(CONFIG_LOCK_KEY)).toBeUndefined();
  });

  it('saves nothing and leaves the next writer’s lock alone when a change outlasted its TTL', async () => {
    const before = await slaSettings();
    const store = new KvsConfigStore(new KvsConfigLock(quiet, { ttlSeconds: 1 }));
    const late = store.update(async (config) => {
      await sleep(1_500);
      // Ours has expired: another writer takes the lock and is still working when this change ends.
      await kvs.set(CONFIG_LOCK_KEY, 'next-writer', { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 30, unit: 'SECONDS' } });
      return { config: { ...config, sla: { warnBeforeMinutes: 99, slaNames: ['Late'] } }, result: undefined };
    });
    await expect(late).rejects.toBeInstanceOf(ConfigBusyError);
    expect(await kvs.get(CONFIG_LOCK_KEY)).toBe('next-writer');
    expect(await slaSettings()).toEqual(before);
  });
});
