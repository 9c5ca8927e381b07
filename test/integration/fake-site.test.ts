/**
 * The fake Jira site: REST answers per caller and role, and simulator operations that emit the Forge
 * events exactly as test/fixtures/forge-events documents them.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ForgeProductEvent, JiraRestRequest } from '../../local/contracts';
import { createFakeJiraSite, type LocalJiraSite } from '../../local/site/create-fake-jira-site';
import { ACCOUNT_IDS } from '../../local/site/site-constants';
import { SiteError } from '../../local/site/site-error';

const { alice, pat, uma, bot } = ACCOUNT_IDS;
const FIXTURES = join(__dirname, '..', 'fixtures', 'forge-events');

async function fixture(name: string): Promise<ForgeProductEvent> {
  return JSON.parse(await readFile(join(FIXTURES, `${name}.json`), 'utf8')) as ForgeProductEvent;
}

type As = JiraRestRequest['as'];
const APP: As = { kind: 'app' };
const user = (accountId: string): As => ({ kind: 'user', accountId });

describe('fake Jira site', () => {
  let dir: string;
  let site: LocalJiraSite;
  let clock: number;

  async function rest(as: As, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const res = await site.handleRest({ as, method, path, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: res.body ? (JSON.parse(res.body) as unknown) : undefined };
  }
  const perm = async (as: As, query: string, key: string): Promise<unknown> => {
    const r = await rest(as, 'GET', `/rest/api/3/mypermissions?${query}`);
    expect(r.status).toBe(200);
    return (r.json as { permissions: Record<string, { havePermission: boolean }> }).permissions[key]?.havePermission;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-site-'));
    clock = Date.parse('2024-12-04T09:00:00.000Z');
    site = await createFakeJiraSite({ dataDir: dir, now: () => clock });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('REST', () => {
    it('returns a full issue to the app, with Jira v3 fields', async () => {
      const r = await rest(APP, 'GET', '/rest/api/3/issue/SUP-1');
      expect(r.status).toBe(200);
      const issue = r.json as { id: string; key: string; self: string; fields: Record<string, unknown> };
      expect(issue).toMatchObject({ id: '10001', key: 'SUP-1', self: 'https://relay-dev.atlassian.net/rest/api/3/issue/10001' });
      expect(issue.fields).toMatchObject({
        summary: 'Customer cannot log in to the support portal',
        status: { name: 'To Do', statusCategory: { key: 'new' } },
        priority: { name: 'Medium', id: '3' },
        labels: ['portal', 'sso'],
        assignee: null,
        reporter: { accountId: uma, displayName: 'Uma User' },
        description: { type: 'doc', version: 1 },
        resolution: null,
        comment: { total: 0, comments: [] },
        project: { key: 'SUP', id: '10000' },
        customfield_10010: { requestType: { name: 'Report a bug' } },
      });
      const byId = await rest(APP, 'GET', '/rest/api/3/issue/10001?fields=summary,status');
      expect(Object.keys((byId.json as { fields: object }).fields).sort()).toEqual(['status', 'summary']);
    });

    it('hides issues of restricted projects with the same 404 as a missing issue', async () => {
      const hidden = await rest(user(uma), 'GET', '/rest/api/3/issue/HR-1');
      const missing = await rest(user(uma), 'GET', '/rest/api/3/issue/SUP-999');
      for (const r of [hidden, missing]) {
        expect(r.status).toBe(404);
        expect(r.json).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
      }
      expect((await rest(user(alice), 'GET', '/rest/api/3/issue/HR-1')).status).toBe(200);
      expect((await rest(user(bot), 'GET', '/rest/api/3/issue/ENG-1')).status).toBe(200);
      expect((await rest(user(bot), 'GET', '/rest/api/3/issue/HR-2')).status).toBe(404);
    });

    it('answers mypermissions per role', async () => {
      expect(await perm(user(alice), 'permissions=ADMINISTER', 'ADMINISTER')).toBe(true);
      expect(await perm(user(pat), 'permissions=ADMINISTER', 'ADMINISTER')).toBe(false);
      expect(await perm(user(pat), 'permissions=ADMINISTER_PROJECTS&projectKey=SUP', 'ADMINISTER_PROJECTS')).toBe(true);
      expect(await perm(user(pat), 'permissions=ADMINISTER_PROJECTS&projectId=10001', 'ADMINISTER_PROJECTS')).toBe(false);
      expect(await perm(user(uma), 'permissions=ADMINISTER_PROJECTS&projectKey=SUP', 'ADMINISTER_PROJECTS')).toBe(false);
      expect(await perm(user(uma), 'permissions=BROWSE_PROJECTS&projectKey=ENG', 'BROWSE_PROJECTS')).toBe(true);
      expect(await perm(user(bot), 'permissions=CREATE_ISSUES&projectKey=SUP', 'CREATE_ISSUES')).toBe(false);
      expect(await perm(user(bot), 'permissions=ADD_COMMENTS&projectKey=SUP', 'ADD_COMMENTS')).toBe(true);
      // Without a project, a project permission means "in at least one project".
      expect(await perm(user(pat), 'permissions=ADMINISTER_PROJECTS', 'ADMINISTER_PROJECTS')).toBe(true);

      const full = await rest(user(alice), 'GET', '/rest/api/3/mypermissions?permissions=ADMINISTER');
      expect(full.json).toMatchObject({ permissions: { ADMINISTER: { key: 'ADMINISTER', type: 'GLOBAL', id: '0', name: 'Administer Jira', havePermission: true } } });
      expect(Object.keys((full.json as { permissions: object }).permissions)).toEqual(['ADMINISTER']);
      expect((await rest(user(uma), 'GET', '/rest/api/3/mypermissions?permissions=BROWSE_PROJECTS&projectKey=HR')).status).toBe(404);
      expect((await rest(user(uma), 'GET', '/rest/api/3/mypermissions')).status).toBe(400);
      expect((await rest(user(uma), 'GET', '/rest/api/3/mypermissions?permissions=NOT_A_PERMISSION')).status).toBe(400);
    });

    it('answers permissions/check for another account when asked by the app, and refuses plain users', async () => {
      const body = { accountId: pat, globalPermissions: ['ADMINISTER'], projectPermissions: [{ permissions: ['ADMINISTER_PROJECTS', 'BROWSE_PROJECTS'], projects: [10000, 10001, 10002], issues: [10001, 10007] }] };
      const r = await rest(APP, 'POST', '/rest/api/3/permissions/check', body);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        globalPermissions: [],
        projectPermissions: [
          { permission: 'ADMINISTER_PROJECTS', projects: [10000], issues: [10001] },
          { permission: 'BROWSE_PROJECTS', projects: [10000, 10001], issues: [10001] },
        ],
      });
      const self = await rest(user(alice), 'POST', '/rest/api/3/permissions/check', { globalPermissions: ['ADMINISTER'] });
      expect(self.json).toEqual({ globalPermissions: ['ADMINISTER'], projectPermissions: [] });
      expect((await rest(user(uma), 'POST', '/rest/api/3/permissions/check', { accountId: alice, globalPermissions: ['ADMINISTER'] })).status).toBe(403);
      expect((await rest(APP, 'POST', '/rest/api/3/permissions/check', { projectPermissions: [{ permissions: [] }] })).status).toBe(400);
    });

    it('lists only browsable projects in project/search, with pagination and query', async () => {
      const uma1 = (await rest(user(uma), 'GET', '/rest/api/3/project/search')).json as { total: number; values: Array<{ key: string }> };
      expect(uma1.values.map((p) => p.key)).toEqual(['ENG', 'SUP']);
      const all = (await rest(user(alice), 'GET', '/rest/api/3/project/search')).json as { total: number };
      expect(all.total).toBe(3);
      const page = (await rest(APP, 'GET', '/rest/api/3/project/search?maxResults=1&startAt=1')).json as Record<string, unknown>;
      expect(page).toMatchObject({ startAt: 1, maxResults: 1, total: 3, isLast: false, values: [{ key: 'HR', id: '10002', style: 'classic' }] });
      expect(page.nextPage).toContain('startAt=2');
      const q = (await rest(APP, 'GET', '/rest/api/3/project/search?query=people')).json as { values: Array<{ key: string }> };
      expect(q.values.map((p) => p.key)).toEqual(['HR']);
    });

    it('filters project/search?query= by key or name, case-insensitively, within what the caller may browse', async () => {
      const keys = async (as: As, q: string): Promise<string[]> =>
        ((await rest(as, 'GET', `/rest/api/3/project/search?query=${encodeURIComponent(q)}`)).json as { values: Array<{ key: string }> }).values.map((p) => p.key);
      expect(await keys(user(alice), 'sUp')).toEqual(['SUP']);
      expect(await keys(user(alice), 'ENGIN')).toEqual(['ENG']);
      expect(await keys(user(alice), 'e')).toEqual(['ENG', 'HR', 'SUP']);
      expect(await keys(user(alice), 'hr')).toEqual(['HR']);
      // HR is restricted: a plain user finds it neither by key nor by name.
      expect(await keys(user(uma), 'hr')).toEqual([]);
      expect(await keys(user(uma), 'People')).toEqual([]);
      expect(await keys(user(uma), 'e')).toEqual(['ENG', 'SUP']);
      expect(await keys(user(bot), 'o')).toEqual(['SUP']);
      expect(await keys(user(alice), 'nothing like it')).toEqual([]);
    });

    it('answers myself with the caller\'s own identity, and 401 for an unknown caller', async () => {
      for (const [accountId, displayName, emailAddress] of [
        [alice, 'Alice Admin', 'alice@relay-dev.example'],
        [pat, 'Pat Project-Admin', 'pat@relay-dev.example'],
        [uma, 'Uma User', 'uma@relay-dev.example'],
      ]) {
        const r = await rest(user(accountId), 'GET', '/rest/api/3/myself');
        expect(r.status).toBe(200);
        expect(r.json).toMatchObject({ accountId, displayName, emailAddress, active: true });
      }
      expect((await rest(user('nobody'), 'GET', '/rest/api/3/myself')).status).toBe(401);
    });

    it('gets an issue by key in any case, as a user who may browse it', async () => {
      for (const key of ['SUP-2', 'sup-2']) {
        const r = await rest(user(uma), 'GET', `/rest/api/3/issue/${key}`);
        expect(r.status).toBe(200);
        expect(r.json).toMatchObject({ id: '10002', key: 'SUP-2', fields: { summary: 'Refund request for order #4471', status: { name: 'In Progress' } } });
      }
      expect((await rest(user(pat), 'GET', '/rest/api/3/issue/ENG-1?fields=summary')).json).toMatchObject({ key: 'ENG-1', fields: { summary: 'Rotate the SSO signing certificate' } });
      expect((await rest(user(pat), 'GET', '/rest/api/3/issue/HR-1')).status).toBe(404);
    });

    it('matches a JQL subset in jql/match, per caller, with Jira-style errors', async () => {
      const ids = [10001, 10002, 10003, 10004, 10005, 10006, 10007, 10008];
      const r = await rest(APP, 'POST', '/rest/api/3/jql/match', {
        issueIds: ids,
        jqls: ['project = SUP AND status = "To Do"', 'project in (ENG, HR) AND issuetype = Bug', 'priority = High OR labels = flaky', 'nonsense = 1', 'project = NOPE'],
      });
      expect(r.status).toBe(200);
      const matches = (r.json as { matches: Array<{ matchedIssues: number[]; errors: string[] }> }).matches;
      expect(matches[0]).toEqual({ matchedIssues: [10001], errors: [] });
      expect(matches[1]).toEqual({ matchedIssues: [10006], errors: [] });
      expect(matches[2].matchedIssues).toEqual([10002, 10006, 10008]);
      expect(matches[3]).toEqual({ matchedIssues: [], errors: ["Field 'nonsense' does not exist or you do not have permission to view it."] });
      expect(matches[4].errors[0]).toContain("The value 'NOPE' does not exist for the field 'project'.");
      const asUma = await rest(user(uma), 'POST', '/rest/api/3/jql/match', { issueIds: ids, jqls: ['project = HR'] });
      expect((asUma.json as { matches: Array<{ matchedIssues: number[] }> }).matches[0].matchedIssues).toEqual([]);
    });

    it('answers myself, user, user search and serverInfo; unknown paths are 404', async () => {
      expect((await rest(user(pat), 'GET', '/rest/api/3/myself')).json).toMatchObject({ accountId: pat, displayName: 'Pat Project-Admin', accountType: 'atlassian', active: true });
      expect((await rest(APP, 'GET', '/rest/api/3/myself')).json).toMatchObject({ accountType: 'app' });
      expect((await rest(APP, 'GET', `/rest/api/3/user?accountId=${bot}`)).json).toMatchObject({ displayName: 'Agent Studio Bot', accountType: 'app' });
      expect((await rest(APP, 'GET', '/rest/api/3/user?accountId=nobody')).status).toBe(404);
      const found = (await rest(user(uma), 'GET', '/rest/api/3/user/search?query=adm')).json as Array<{ displayName: string }>;
      expect(found.map((u) => u.displayName).sort()).toEqual(['Alice Admin', 'Pat Project-Admin']);
      expect((await rest(APP, 'GET', '/rest/api/3/serverInfo')).json).toMatchObject({ deploymentType: 'Cloud', baseUrl: 'https://relay-dev.atlassian.net' });
      const unknown = await rest(APP, 'GET', '/rest/api/3/dashboard');
      expect(unknown.status).toBe(404);
      expect((unknown.json as { errorMessages: string[] }).errorMessages[0]).toContain('/rest/api/3/dashboard');
    });
  });

  describe('simulator', () => {
    const at = async (name: string): Promise<void> => {
      clock = Number((await fixture(name)).timestamp);
    };

    it('replays the fixture story on SUP-1 and emits exactly the fixture events', async () => {
      await at('issue-updated-field');
      expect((await site.editIssue(pat, 'SUP-1', { summary: 'Customers cannot log in to the support portal (SSO)', priority: 'High' })).events).toEqual([await fixture('issue-updated-field')]);
      await at('issue-updated-status');
      expect((await site.transitionIssue(pat, 'SUP-1', 'In Progress')).events).toEqual([await fixture('issue-updated-status')]);
      await at('issue-assigned');
      const assigned = await site.assignIssue(alice, 'SUP-1', pat);
      expect(assigned.events.map((e) => e.eventType)).toEqual(['avi:jira:updated:issue', 'avi:jira:assigned:issue']);
      expect(assigned.events[1]).toEqual(await fixture('issue-assigned'));
      expect(assigned.events[0]).toMatchObject({ jiraEventTypeName: 'issue_assigned', changelog: (await fixture('issue-assigned')).changelog });
      await at('comment-created');
      expect((await site.addComment(bot, 'SUP-1', 'Agent Studio: I found 3 similar tickets; the SSO certificate expired this morning.')).events).toEqual([await fixture('comment-created')]);
      await at('comment-updated');
      const text = 'Agent Studio: I found 3 similar tickets; the SSO certificate expired at 08:00 UTC. Renewal in progress.';
      expect((await site.editComment(bot, 'SUP-1', '10100', text)).events).toEqual([await fixture('comment-updated')]);
      await at('comment-deleted');
      expect((await site.deleteComment(pat, 'SUP-1', '10100')).events).toEqual([await fixture('comment-deleted')]);
      await at('issue-deleted');
      expect((await site.deleteIssue(alice, 'SUP-1')).events).toEqual([await fixture('issue-deleted')]);
      expect((await rest(APP, 'GET', '/rest/api/3/issue/SUP-1')).status).toBe(404);
    });

    it('creates an issue with the created-issue fixture shape', async () => {
      const expected = await fixture('issue-created');
      const result = await site.createIssue(uma, { projectKey: 'SUP', summary: 'Customer cannot log in to the support portal', issueType: 'Bug' });
      const issue = expected.issue as { fields: object };
      expect(result.events).toEqual([{ ...expected, issue: { ...issue, id: '10009', key: 'SUP-4' } }]);
      expect((await rest(user(uma), 'GET', '/rest/api/3/issue/SUP-4')).status).toBe(200);
    });

    it('marks comment edits by updated > created, and resolves on Done', async () => {
      await site.addComment(uma, 'ENG-3', 'first');
      clock += 60_000;
      const edited = (await site.editComment(uma, 'ENG-3', '10100', 'second')).events[0] as unknown as { comment: { created: string; updated: string } };
      expect(Date.parse(edited.comment.updated.replace('+0000', 'Z'))).toBeGreaterThan(Date.parse(edited.comment.created.replace('+0000', 'Z')));
      const done = (await site.transitionIssue(uma, 'ENG-3', 'Done')).events[0] as unknown as { jiraEventTypeName: string; changelog: { items: Array<{ field: string }> } };
      expect(done.jiraEventTypeName).toBe('issue_resolved');
      expect(done.changelog.items.map((i) => i.field)).toEqual(['resolution', 'status']);
    });

    it('refuses what the actor may not do, changes nothing and emits nothing', async () => {
      const events: ForgeProductEvent[] = [];
      const watched = await createFakeJiraSite({ dataDir: dir, now: () => clock, onEvent: (e) => void events.push(e) });
      await expect(watched.deleteIssue(uma, 'SUP-2')).rejects.toMatchObject({ status: 403 });
      await expect(watched.createIssue(bot, { projectKey: 'ENG', summary: 'x' })).rejects.toBeInstanceOf(SiteError);
      await expect(watched.addComment(uma, 'HR-1', 'peek')).rejects.toMatchObject({ status: 404 });
      await expect(watched.editIssue(pat, 'SUP-2', { summary: 'changed', priority: 'Urgent!' })).rejects.toMatchObject({ status: 400, field: 'priority' });
      expect(events).toEqual([]);
      const sup2 = (await watched.handleRest({ as: APP, method: 'GET', path: '/rest/api/3/issue/SUP-2', headers: {} })).body ?? '';
      expect(JSON.parse(sup2)).toMatchObject({ fields: { summary: 'Refund request for order #4471' } });
    });

    it('passes events to onEvent in order and returns its reports', async () => {
      const seen: string[] = [];
      const watched = await createFakeJiraSite({
        dataDir: dir,
        onEvent: (e) => {
          seen.push(e.eventType);
          return [{ moduleKey: 'm', functionKey: 'f', retryCount: 0, outcome: 'success', durationMs: 1 }];
        },
      });
      const result = await watched.assignIssue(alice, 'ENG-2', uma);
      expect(seen).toEqual(['avi:jira:updated:issue', 'avi:jira:assigned:issue']);
      expect(result.reports).toHaveLength(2);
      expect(result.issue).toMatchObject({ key: 'ENG-2', fields: { assignee: { accountId: uma } } });
      // Assigning to the current assignee is not a change: Jira emits nothing.
      expect((await watched.assignIssue(alice, 'ENG-2', uma)).events).toEqual([]);
    });

    it('persists changes to site.json atomically and reloads them', async () => {
      await site.createIssue(pat, { projectKey: 'ENG', summary: 'Persist me' });
      const reloaded = await createFakeJiraSite({ dataDir: dir });
      expect(reloaded.seeded).toBe(false);
      expect(reloaded.issues('ENG').map((i) => i.summary)).toContain('Persist me');
      expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  });
});
