import { REQUIRED_PERMISSIONS } from '../../src/shared/access';
import type { AccessReport, UserSummary } from '../../src/shared/contract';
import { startTestPlatform, type TestPlatform } from '../support/platform';

describe('Jira API access check for the Agent Studio connector account', () => {
  let platform: TestPlatform;
  let admin: string;
  let bot: { accountId: string };

  beforeAll(async () => {
    platform = await startTestPlatform();
    admin = platform.users.admin.accountId;
    const users = (await platform.api<{ accountId: string; serviceAccount?: boolean }[]>('/api/users')).json;
    const found = users.find((u) => u.serviceAccount);
    if (!found) throw new Error('The fake site seeds no service account');
    bot = found;
  });
  afterAll(() => platform.close());

  const check = async (accountId: string, scope?: 'all' | 'covered'): Promise<AccessReport> => {
    const result = await platform.invokeAdmin<AccessReport>('access/check', { accountId, scope }, admin);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.data;
  };

  it('reports the service account’s gaps per project, worst first', async () => {
    const report = await check(bot.accountId);
    expect(report.account).toMatchObject({ accountId: bot.accountId, displayName: 'Agent Studio Bot' });
    const byKey = Object.fromEntries(report.projects.map((p) => [p.key, p.missing]));
    expect(Object.keys(byKey).sort()).toEqual(['ENG', 'HR', 'SUP']);
    // Nothing at all in HR; browse and comment (but not the rest) in SUP and ENG.
    expect(byKey.HR).toEqual([...REQUIRED_PERMISSIONS]);
    expect(byKey.SUP).not.toContain('BROWSE_PROJECTS');
    expect(byKey.SUP).not.toContain('ADD_COMMENTS');
    expect(byKey.SUP).toEqual(expect.arrayContaining(['CREATE_ISSUES', 'ADMINISTER_PROJECTS']));
    expect(report.projects[0].key).toBe('HR');
    expect(report.ready).toBe(0);
    expect(report.projects[0]).toEqual({ id: expect.any(String) as string, key: 'HR', name: expect.any(String) as string, missing: expect.any(Array) as unknown[] });
  });

  it('reports full access for a Jira admin and partial access for a project admin', async () => {
    const full = await check(admin);
    expect(full.ready).toBe(full.projects.length);
    expect(full.projects.every((p) => p.missing.length === 0)).toBe(true);

    const pat = await check(platform.users.projectAdmin.accountId);
    const sup = pat.projects.find((p) => p.key === 'SUP');
    const hr = pat.projects.find((p) => p.key === 'HR');
    expect(sup?.missing).not.toContain('ADMINISTER_PROJECTS');
    expect(hr?.missing).toContain('BROWSE_PROJECTS');
  });

  it('limits the check to covered projects when asked', async () => {
    const report = await check(bot.accountId, 'covered');
    expect(report.scope).toBe('covered');
    // The seeded connection covers all projects.
    expect(report.projects.map((p) => p.key).sort()).toEqual(['ENG', 'HR', 'SUP']);
  });

  it('finds the account by name and refuses an unknown account id naming the field', async () => {
    const found = await platform.invokeAdmin<{ users: UserSummary[] }>('users/search', { query: 'agent' }, admin);
    expect(found.ok && found.data.users.map((u) => u.accountId)).toContain(bot.accountId);
    expect(await platform.invokeAdmin('access/check', { accountId: 'no-such-account' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'accountId' },
    });
    expect(await platform.invokeAdmin('access/check', { accountId: '' }, admin)).toMatchObject({ ok: false, error: { field: 'accountId' } });
  });

  it('answers FORBIDDEN to anyone but a Jira admin', async () => {
    for (const user of [platform.users.plain, platform.users.projectAdmin]) {
      expect(await platform.invokeAdmin('access/check', { accountId: bot.accountId }, user.accountId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });
});
