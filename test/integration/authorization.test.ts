import { ADMIN_FUNCTIONS, ADMIN_MODULE_KEY, PROJECT_FUNCTIONS, PROJECT_MODULE_KEY } from '../../src/shared/contract';
import { startTestPlatform, type TestPlatform } from '../support/platform';
import { dataOf } from '../support/resolver-data';

/** Payloads that would be valid, so a refusal can only come from authorization. */
const samplePayloads: Record<string, unknown> = {
  'admin/overview': {},
  'connections/save': {
    name: 'Forged',
    url: 'http://127.0.0.1:9/webhooks/v1/listeners/x/notify',
    enabled: true,
    events: ['issue_created'],
    projects: { mode: 'all' },
    rateLimitPerSecond: 5,
    token: 'forged-token-123',
  },
  'connections/delete': { id: 'nope' },
  'connections/test': { id: 'nope' },
  'connections/rotateSigningSecret': { id: 'nope' },
  'connections/disableSigning': { id: 'nope' },
  'connections/sendIssue': { id: 'nope', issueKey: 'SUP-1', event: 'issue_created' },
  'connections/preview': { payload: { format: 'jira' }, issueKey: 'SUP-1', event: 'issue_created' },
  'projects/search': { query: 'S' },
  'users/search': { query: 'Agent' },
  'access/check': { accountId: '5b10ac8d82e05b22cc7d4e04' },
  'deliveries/list': {},
  'deliveries/get': { eventId: 'msg_abc', connectionId: 'nope' },
  'deliveries/redeliver': { eventId: 'msg_abc', connectionId: 'nope' },
  'deliveries/redeliverFailed': { connectionId: 'nope', since: '2026-01-01T00:00:00Z' },
  'sla/overview': {},
  'sla/save': { warnBeforeMinutes: 15, slaNames: [] },
  'project/overview': {},
  'project/setOptIn': { connectionId: 'nope', optedIn: true },
  'project/deliveries': {},
  'project/delivery': { eventId: 'msg_abc', connectionId: 'nope' },
  'project/redeliver': { eventId: 'msg_abc', connectionId: 'nope' },
};

it('has a sample payload for every resolver function', () => {
  expect(Object.keys(samplePayloads).sort()).toEqual([...ADMIN_FUNCTIONS, ...PROJECT_FUNCTIONS].sort());
});

describe('authorization of every resolver function', () => {
  let platform: TestPlatform;

  beforeAll(async () => {
    platform = await startTestPlatform();
  });
  afterAll(() => platform.close());

  it('lists exactly the functions of the contract on each page', async () => {
    const { json } = await platform.api<Record<string, string[]>>('/api/resolvers');
    expect([...json[ADMIN_MODULE_KEY]].sort()).toEqual([...ADMIN_FUNCTIONS].sort());
    expect([...json[PROJECT_MODULE_KEY]].sort()).toEqual([...PROJECT_FUNCTIONS].sort());
  });

  it.each(ADMIN_FUNCTIONS)('admin page %s refuses a plain user and a project admin', async (fn) => {
    for (const user of [platform.users.plain, platform.users.projectAdmin]) {
      const result = await platform.invokeAdmin(fn, samplePayloads[fn], user.accountId);
      expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) as string } });
    }
  });

  it.each(PROJECT_FUNCTIONS)('project page %s refuses a plain user', async (fn) => {
    const result = await platform.invokeProject(fn, samplePayloads[fn], platform.users.plain.accountId, 'SUP');
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it.each(PROJECT_FUNCTIONS)('project page %s refuses a project admin on a project they do not administer (forged extension)', async (fn) => {
    const { projectAdmin } = platform.users;
    const other = ['SUP', 'ENG', 'HR'].find((key) => !projectAdmin.projectAdminOf.includes(key)) ?? 'HR';
    const result = await platform.invokeProject(fn, samplePayloads[fn], projectAdmin.accountId, other);
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining(other) as string } });
  });

  it('project page refuses a call without a project and an unknown project', async () => {
    const noProject = await platform.api('/api/invoke', {
      body: { moduleKey: PROJECT_MODULE_KEY, functionKey: 'project/overview', payload: {}, accountId: platform.users.admin.accountId, extension: {} },
    });
    expect(noProject.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const unknown = await platform.invokeProject('project/overview', {}, platform.users.admin.accountId, 'NOPE');
    expect(unknown).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('lets the project admin use their own project page and the Jira admin use both pages', async () => {
    const { projectAdmin, admin } = platform.users;
    const own = projectAdmin.projectAdminOf[0];
    expect(await platform.invokeProject('project/overview', {}, projectAdmin.accountId, own)).toMatchObject({ ok: true, data: { project: { key: own } } });
    expect(await platform.invokeProject('project/overview', {}, admin.accountId, 'HR')).toMatchObject({ ok: true });
    expect(await platform.invokeAdmin('admin/overview', {}, admin.accountId)).toMatchObject({ ok: true });
  });

  it('did not save the connection a refused caller tried to create', async () => {
    const result = await platform.invokeAdmin<{ connections: { name: string }[] }>('admin/overview', {}, platform.users.admin.accountId);
    expect(dataOf(result).connections.map((c) => c.name)).not.toContain('Forged');
  });
});
