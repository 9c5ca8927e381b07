import type { AdminOverview, ConnectionInput, ConnectionView, ProjectOverview, SlaOverview } from '../../src/shared/contract';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { dataOf } from '../support/resolver-data';

const input = (name: string, overrides: Partial<ConnectionInput> = {}): ConnectionInput => ({
  name,
  url: 'https://api.moveworks.ai/webhooks/v1/listeners/0f8b1a2c-1111-4222-8333-944445555666/notify',
  enabled: true,
  events: ['issue_created'],
  projects: { mode: 'all' },
  rateLimitPerSecond: 5,
  token: 'concurrent-api-key-123456',
  ...overrides,
});

/**
 * Every setting lives in one KVS key: writers that overlap must each see the others' changes. Project
 * admins of different projects opt in while a Jira admin saves a connection and the SLA settings, all at
 * once, and every change must be there afterwards, as the pages show it.
 */
describe('configuration changes saved at the same time', () => {
  let platform: TestPlatform;
  let admin: string;

  beforeAll(async () => {
    // Forge's KVS and Jira answer over the network; with the local platform's default of no latency each
    // invocation would run to its end before the next one starts, and writers could never overlap.
    platform = await startTestPlatform({ latencyMs: { kvs: 15, jira: 40 } });
    admin = platform.users.admin.accountId;
  });
  afterAll(() => platform.close());

  const optedIn = async (connectionId: string, accountId: string, project: string): Promise<boolean | undefined> => {
    const overview = dataOf(await platform.invokeProject<ProjectOverview>('project/overview', {}, accountId, project));
    return overview.connections.find((c) => c.id === connectionId)?.optedIn;
  };

  it('keeps every project opt-in, the new connection and the SLA settings', async () => {
    const { projectAdmin } = platform.users;
    const [ownProject] = projectAdmin.projectAdminOf;
    // Pat administers SUP; Alice, a Jira admin, administers every project, so she opts in ENG and HR.
    const toggles = [
      { accountId: projectAdmin.accountId, project: ownProject },
      { accountId: admin, project: 'ENG' },
      { accountId: admin, project: 'HR' },
    ];
    expect(new Set(toggles.map((t) => t.project)).size).toBe(3);
    const optIn = dataOf(await platform.invokeAdmin<ConnectionView>('connections/save', input('Opt-in listener', { projects: { mode: 'optIn' } }), admin));

    for (const round of [1, 2, 3]) {
      const warnBeforeMinutes = 10 + round * 5;
      const results = await Promise.all([
        ...toggles.map((t) => platform.invokeProject<ProjectOverview>('project/setOptIn', { connectionId: optIn.id, optedIn: round !== 2 }, t.accountId, t.project)),
        platform.invokeAdmin<ConnectionView>('connections/save', input(`Listener ${round}`), admin),
        platform.invokeAdmin<SlaOverview>('sla/save', { warnBeforeMinutes, slaNames: [`SLA ${round}`] }, admin),
      ]);
      for (const result of results) expect(result).toMatchObject({ ok: true });

      for (const t of toggles) expect({ round, project: t.project, optedIn: await optedIn(optIn.id, t.accountId, t.project) }).toEqual({ round, project: t.project, optedIn: round !== 2 });
      const names = dataOf(await platform.invokeAdmin<AdminOverview>('admin/overview', {}, admin)).connections.map((c) => c.name);
      expect(names).toEqual(expect.arrayContaining(['Opt-in listener', ...[1, 2, 3].filter((n) => n <= round).map((n) => `Listener ${n}`)]));
      expect(dataOf(await platform.invokeAdmin<SlaOverview>('sla/overview', {}, admin)).settings).toEqual({ warnBeforeMinutes, slaNames: [`SLA ${round}`] });
    }
  });

  it('refuses to save a connection over a change someone else made after the page showed it', async () => {
    const shown = dataOf(await platform.invokeAdmin<ConnectionView>('connections/save', input('Shared listener'), admin));
    // Another admin edits it first.
    const theirs = await platform.invokeAdmin<ConnectionView>('connections/save', { ...input('Shared listener', { rateLimitPerSecond: 9 }), id: shown.id, token: undefined, expectedUpdatedAt: shown.updatedAt }, admin);
    expect(theirs).toMatchObject({ ok: true, data: { rateLimitPerSecond: 9 } });

    const mine = await platform.invokeAdmin<ConnectionView>('connections/save', { ...input('Shared listener', { enabled: false }), id: shown.id, token: undefined, expectedUpdatedAt: shown.updatedAt }, admin);
    expect(mine).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Someone changed this connection after you opened it. Reload the page to see their change, then make yours again.' } });
    const stored = dataOf(await platform.invokeAdmin<AdminOverview>('admin/overview', {}, admin)).connections.find((c) => c.id === shown.id);
    expect(stored).toMatchObject({ enabled: true, rateLimitPerSecond: 9 });
  });
});
