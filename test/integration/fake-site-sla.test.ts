/**
 * JSM SLAs on the fake Jira site: SLA field values over a pinned clock, `setSlaRemaining`, the JQL SLA
 * functions, `POST /rest/api/3/search/jql`, `GET /rest/api/3/field`, and running a scheduled trigger on
 * demand (the mini app's SLA scan, with the real @forge/api).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ForgeProductEvent, JiraRestRequest, LocalForge } from '../../local/contracts';
import { createLocalForge } from '../../local/runtime/create-local-forge';
import { UnknownScheduledTriggerError } from '../../local/runtime/scheduled-triggers';
import { apiRoutes } from '../../local/server/api-routes';
import { createSampleListener } from '../../local/server/sample-listener';
import { createFakeJiraSite, type LocalJiraSite } from '../../local/site/create-fake-jira-site';
import { ACCOUNT_IDS } from '../../local/site/site-constants';

const { alice, pat, uma } = ACCOUNT_IDS;
type As = JiraRestRequest['as'];
const APP: As = { kind: 'app' };
const user = (accountId: string): As => ({ kind: 'user', accountId });

const T0 = Date.parse('2024-12-04T09:00:00.000Z'); // SUP-1 was created then
const MIN = 60_000;
const HOUR = 60 * MIN;
const TTFR = 'customfield_10030';
const TTR = 'customfield_10031';

interface SlaTime { iso8601: string; jira: string; friendly: string; epochMillis: number }
interface SlaDuration { millis: number; friendly: string }
interface SlaCycleJson { startTime: SlaTime; stopTime?: SlaTime; breachTime: SlaTime; breached: boolean; paused?: boolean; goalDuration: SlaDuration; elapsedTime: SlaDuration; remainingTime: SlaDuration }
interface SlaJson { id: string; name: string; completedCycles: SlaCycleJson[]; ongoingCycle?: SlaCycleJson }
interface IssueJson { id: string; key: string; self: string; fields: Record<string, unknown> }
interface SearchPage { issues: IssueJson[]; nextPageToken?: string; isLast: boolean }

describe('fake site SLAs', () => {
  let dir: string;
  let site: LocalJiraSite;
  let clock: number;
  let events: ForgeProductEvent[];

  async function rest(as: As, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
    const res = await site.handleRest({ as, method, path, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: res.body ? (JSON.parse(res.body) as unknown) : undefined };
  }
  const issue = async (key: string): Promise<IssueJson> => (await rest(APP, 'GET', `/rest/api/3/issue/${key}`)).json as IssueJson;
  const sla = async (key: string, field: string): Promise<SlaJson> => (await issue(key)).fields[field] as SlaJson;
  const search = async (body: Record<string, unknown>, as: As = APP): Promise<{ status: number; json: unknown }> => rest(as, 'POST', '/rest/api/3/search/jql', body);
  const keys = async (jql: string, as: As = APP): Promise<string[]> => {
    const r = await search({ jql, maxResults: 100 }, as);
    expect(r.status).toBe(200);
    return (r.json as SearchPage).issues.map((i) => i.key).sort();
  };
  const jqlError = async (jql: string): Promise<string> => {
    const r = await rest(APP, 'POST', '/rest/api/3/jql/match', { jqls: [jql], issueIds: [10001] });
    return (r.json as { matches: Array<{ errors: string[] }> }).matches[0].errors[0] ?? '';
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-site-sla-'));
    clock = T0;
    events = [];
    site = await createFakeJiraSite({ dataDir: dir, now: () => clock, onEvent: (e) => void events.push(e) });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('SLA field values', () => {
    it('returns an ongoing cycle in Jira Cloud\'s shape, computed from the site clock', async () => {
      clock = T0 + HOUR;
      expect(await sla('SUP-1', TTR)).toEqual({
        id: '2',
        name: 'Time to resolution',
        _links: { self: 'https://relay-dev.atlassian.net/rest/servicedeskapi/request/10001/sla/2' },
        completedCycles: [],
        ongoingCycle: {
          startTime: { iso8601: '2024-12-04T09:00:00+0000', jira: '2024-12-04T09:00:00.000+0000', friendly: '04/Dec/24 9:00 AM', epochMillis: 1733302800000 },
          breachTime: { iso8601: '2024-12-04T17:00:00+0000', jira: '2024-12-04T17:00:00.000+0000', friendly: '04/Dec/24 5:00 PM', epochMillis: 1733331600000 },
          breached: false,
          paused: false,
          withinCalendarHours: false,
          goalDuration: { millis: 28800000, friendly: '8h' },
          elapsedTime: { millis: 3600000, friendly: '1h' },
          remainingTime: { millis: 25200000, friendly: '7h' },
        },
        slaDisplayFormat: 'NEW_SLA_FORMAT',
      });
      expect(await sla('SUP-1', TTFR)).toMatchObject({ id: '1', name: 'Time to first response', ongoingCycle: { goalDuration: { millis: 4 * HOUR, friendly: '4h' }, remainingTime: { friendly: '3h' } } });
    });

    it('breaches as the clock passes the goal, with a negative remaining time', async () => {
      clock = T0 + 4 * HOUR + 12 * MIN;
      const ttfr = await sla('SUP-1', TTFR);
      expect(ttfr.ongoingCycle).toMatchObject({ breached: true, elapsedTime: { millis: 4 * HOUR + 12 * MIN, friendly: '4h 12m' }, remainingTime: { millis: -12 * MIN, friendly: '-12m' } });
      expect((await sla('SUP-1', TTR)).ongoingCycle).toMatchObject({ breached: false, remainingTime: { friendly: '3h 48m' } });
    });

    it('puts SLA fields on service-project issues only, and in the search results', async () => {
      const eng = await issue('ENG-1');
      expect(Object.keys(eng.fields)).not.toContain(TTFR);
      expect(Object.keys(eng.fields)).not.toContain(TTR);
      const page = (await search({ jql: 'key = SUP-1', fields: [TTR] })).json as SearchPage;
      expect(page.issues[0].fields[TTR]).toEqual(await sla('SUP-1', TTR));
    });

    it('stops first response at a comment by someone other than the reporter, and keeps it stopped', async () => {
      clock = T0 + HOUR;
      await site.addComment(uma, 'SUP-1', 'Any news? (the reporter)');
      expect((await sla('SUP-1', TTFR)).ongoingCycle).toBeDefined();
      clock = T0 + 2 * HOUR;
      await site.addComment(pat, 'SUP-1', 'Looking into it.');
      clock = T0 + 10 * HOUR;
      const ttfr = await sla('SUP-1', TTFR);
      expect(ttfr.ongoingCycle).toBeUndefined();
      expect(ttfr.completedCycles).toEqual([
        {
          startTime: expect.objectContaining({ epochMillis: T0 }) as unknown,
          stopTime: expect.objectContaining({ epochMillis: T0 + 2 * HOUR, friendly: '04/Dec/24 11:00 AM' }) as unknown,
          breachTime: expect.objectContaining({ epochMillis: T0 + 4 * HOUR }) as unknown,
          breached: false,
          goalDuration: { millis: 4 * HOUR, friendly: '4h' },
          elapsedTime: { millis: 2 * HOUR, friendly: '2h' },
          remainingTime: { millis: 2 * HOUR, friendly: '2h' },
        },
      ]);
      // Deleting the comment does not restart the clock.
      await site.deleteComment(pat, 'SUP-1', '10101');
      expect((await sla('SUP-1', TTFR)).ongoingCycle).toBeUndefined();
      // The resolution clock was still running, and has breached by now.
      expect((await sla('SUP-1', TTR)).ongoingCycle).toMatchObject({ breached: true, remainingTime: { friendly: '-2h' } });
    });

    it('completes both SLAs on resolution (a breached resolution stays breached)', async () => {
      clock = T0 + 9 * HOUR;
      await site.transitionIssue(pat, 'SUP-1', 'Done');
      clock = T0 + 20 * HOUR;
      const ttr = await sla('SUP-1', TTR);
      expect(ttr.ongoingCycle).toBeUndefined();
      expect(ttr.completedCycles).toEqual([expect.objectContaining({ breached: true, elapsedTime: { millis: 9 * HOUR, friendly: '9h' }, remainingTime: { millis: -HOUR, friendly: '-1h' } })]);
      expect((await sla('SUP-1', TTFR)).completedCycles).toEqual([expect.objectContaining({ breached: true, stopTime: expect.objectContaining({ epochMillis: T0 + 9 * HOUR }) as unknown })]);
      await site.transitionIssue(pat, 'SUP-1', 'In Progress');
      expect((await sla('SUP-1', TTR)).ongoingCycle).toBeUndefined();
    });

    it('shows the seeded history: SUP-2 responded late, SUP-3 resolved late', async () => {
      expect(await sla('SUP-2', TTFR)).toMatchObject({ completedCycles: [{ breached: true, elapsedTime: { friendly: '24h' } }] });
      expect((await sla('SUP-2', TTFR)).ongoingCycle).toBeUndefined();
      expect((await sla('SUP-2', TTR)).ongoingCycle).toMatchObject({ breached: true, remainingTime: { friendly: '-40h' } });
      for (const field of [TTFR, TTR]) expect(await sla('SUP-3', field)).toMatchObject({ completedCycles: [{ breached: true }] });
    });
  });

  describe('setSlaRemaining', () => {
    it('moves the ongoing cycle so that the remaining time now is as asked, and emits no event', async () => {
      clock = T0 + HOUR;
      const result = await site.setSlaRemaining(pat, 'SUP-1', 'Time to resolution', -15);
      expect(result.events).toEqual([]);
      expect(events).toEqual([]);
      expect((result.issue?.fields as Record<string, SlaJson>)[TTR].ongoingCycle).toMatchObject({ breached: true, remainingTime: { millis: -15 * MIN, friendly: '-15m' } });
      await site.setSlaRemaining(alice, 'sup-1', TTFR, 20);
      expect((await sla('SUP-1', TTFR)).ongoingCycle).toMatchObject({ breached: false, remainingTime: { millis: 20 * MIN, friendly: '20m' }, elapsedTime: { friendly: '3h 40m' } });
      await site.setSlaRemaining(alice, 'SUP-1', 'cf[10030]', 240);
      expect((await sla('SUP-1', TTFR)).ongoingCycle).toMatchObject({ startTime: { epochMillis: clock }, remainingTime: { friendly: '4h' } });
      // The move survives a restart.
      const reloaded = await createFakeJiraSite({ dataDir: dir, now: () => clock });
      const again = JSON.parse((await reloaded.handleRest({ as: APP, method: 'GET', path: '/rest/api/3/issue/SUP-1', headers: {} })).body ?? '{}') as IssueJson;
      expect((again.fields[TTR] as SlaJson).ongoingCycle?.remainingTime).toEqual({ millis: -15 * MIN, friendly: '-15m' });
    });

    it('refuses non-admins, other projects, completed cycles, unknown SLAs and more than the goal', async () => {
      await expect(site.setSlaRemaining(uma, 'SUP-1', 'Time to resolution', 10)).rejects.toMatchObject({ status: 403 });
      await expect(site.setSlaRemaining(pat, 'ENG-1', 'Time to resolution', 10)).rejects.toMatchObject({ status: 403 });
      await expect(site.setSlaRemaining(alice, 'ENG-1', 'Time to resolution', 10)).rejects.toMatchObject({ status: 400, message: expect.stringContaining('not a service project') as unknown });
      await expect(site.setSlaRemaining(alice, 'SUP-3', 'Time to resolution', 10)).rejects.toMatchObject({ status: 409, message: expect.stringContaining('has completed') as unknown });
      await expect(site.setSlaRemaining(alice, 'SUP-1', 'Time to respond', 10)).rejects.toMatchObject({ status: 400, field: 'sla' });
      await expect(site.setSlaRemaining(alice, 'SUP-1', 'Time to first response', 241)).rejects.toMatchObject({ status: 400, field: 'remainingMinutes' });
      await expect(site.setSlaRemaining(alice, 'SUP-404', 'Time to first response', 1)).rejects.toMatchObject({ status: 404 });
      expect((await sla('SUP-1', TTR)).ongoingCycle?.startTime.epochMillis).toBe(T0);
    });
  });

  describe('JQL SLA functions', () => {
    // At T0 + 1 h: SUP-1 first response breached 15 min ago (moved), resolution 7 h left; SUP-2 responded late,
    // resolution breached; SUP-3 both completed late; SUP-4 brand new (4 h / 8 h left). ENG and HR have no SLAs.
    beforeEach(async () => {
      clock = T0 + HOUR;
      await site.setSlaRemaining(pat, 'SUP-1', 'Time to first response', -15);
      await site.createIssue(uma, { projectKey: 'SUP', summary: 'Printer on floor 3 is out of toner' });
    });

    it('matches state functions with = and !=, never returning issues without SLAs', async () => {
      expect(await keys('"Time to first response" = breached()')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
      expect(await keys('"Time to first response" != breached()')).toEqual(['SUP-4']);
      expect(await keys('"time to first response" = everBreached()')).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
      expect(await keys('"Time to first response" != everBreached()')).toEqual(['SUP-4']);
      expect(await keys('cf[10030] = completed()')).toEqual(['SUP-2', 'SUP-3']);
      expect(await keys('cf[10030] != completed()')).toEqual(['SUP-1', 'SUP-4']);
      expect(await keys('"Time to resolution" = running()')).toEqual(['SUP-1', 'SUP-2', 'SUP-4']);
      expect(await keys('"Time to resolution" != running()')).toEqual(['SUP-3']);
      expect(await keys('"Time to resolution" = paused()')).toEqual([]);
      expect(await keys('"Time to resolution" != paused()')).toEqual(['SUP-1', 'SUP-2', 'SUP-3', 'SUP-4']);
      expect(await keys('cf[10031] = breached() AND cf[10031] = running()')).toEqual(['SUP-2']);
      expect(await keys('NOT "Time to resolution" = breached() AND project = SUP')).toEqual(['SUP-1', 'SUP-4']);
    });

    it('compares remaining and elapsed time of ongoing cycles only', async () => {
      expect(await keys('"Time to first response" < remaining("30m")')).toEqual(['SUP-1']);
      expect(await keys('"Time to first response" <= remaining("-15m")')).toEqual(['SUP-1']);
      expect(await keys('"Time to first response" < remaining("-15m")')).toEqual([]);
      expect(await keys('"Time to first response" > remaining("1h")')).toEqual(['SUP-4']);
      expect(await keys('"Time to first response" >= remaining(4h)')).toEqual(['SUP-4']);
      expect(await keys('"Time to resolution" > elapsed("1d")')).toEqual(['SUP-2']);
      expect(await keys('"Time to resolution" >= elapsed("1h 0m")')).toEqual(['SUP-1', 'SUP-2']);
      expect(await keys('"Time to resolution" < elapsed("2h")')).toEqual(['SUP-1', 'SUP-4']);
      // SUP-3 completed: duration conditions skip it even though its numbers would match.
      expect(await keys('"Time to resolution" > elapsed("1m")')).not.toContain('SUP-3');
      // The same conditions in jql/match, per issue.
      const r = await rest(APP, 'POST', '/rest/api/3/jql/match', { issueIds: [10001, 10002, 10003, 10004, 10009], jqls: ['cf[10031] <= remaining("8h")', '"Time to first response" = breached()'] });
      expect(r.json).toEqual({ matches: [{ matchedIssues: [10001, 10002, 10009], errors: [] }, { matchedIssues: [10001, 10002, 10003], errors: [] }] });
    });

    it('reports bad SLA conditions the way Jira does', async () => {
      expect(await jqlError('"Time to respond" = breached()')).toBe("Field 'Time to respond' does not exist or you do not have permission to view it.");
      expect(await jqlError('cf[10099] = breached()')).toBe("Field 'cf[10099]' does not exist or you do not have permission to view it.");
      expect(await jqlError('"Time to resolution" = remaining("1h")')).toContain("The operator '=' is not supported by the 'remaining' function");
      expect(await jqlError('"Time to resolution" < breached()')).toContain("The operator '<' is not supported by the 'breached' function");
      expect(await jqlError('"Time to resolution" = nosuch()')).toBe("Unable to find JQL function 'nosuch()'.");
      expect(await jqlError('"Time to resolution" < remaining("soon")')).toContain("'soon' is not a valid duration");
      expect(await jqlError('"Time to resolution" > elapsed("-1h")')).toContain("'-1h' is not a valid duration");
      expect(await jqlError('"Time to resolution" < remaining()')).toContain('expects one duration');
      expect(await jqlError('"Time to resolution" = 5')).toContain('only takes SLA functions');
      expect(await jqlError('"Time to resolution" in (breached())')).toContain("The operator 'in' is not supported");
      expect(await jqlError('status > Done')).toBe("The operator '>' is not supported by the 'status' field.");
      const bad = await search({ jql: '"Time to respond" = breached()' });
      expect(bad).toEqual({ status: 400, json: { errorMessages: ["Field 'Time to respond' does not exist or you do not have permission to view it."], errors: {} } });
    });
  });

  describe('search/jql', () => {
    it('returns only ids, keys and links by default, and the fields asked for', async () => {
      const page = (await search({ jql: 'project = ENG' })).json as SearchPage;
      expect(page).toEqual({
        issues: ['ENG-3', 'ENG-2', 'ENG-1'].map((key): unknown => expect.objectContaining({ key, fields: {}, self: expect.stringMatching(/^https:\/\/relay-dev\.atlassian\.net\/rest\/api\/3\/issue\/\d+$/) as unknown })),
        isLast: true,
      });
      const some = (await search({ jql: 'key in (SUP-1, ENG-1) ORDER BY key ASC', fields: ['summary', TTR, 'nonexistent'] })).json as SearchPage;
      expect(some.issues.map((i) => [i.key, Object.keys(i.fields).sort()])).toEqual([['ENG-1', ['summary']], ['SUP-1', [TTR, 'summary']]]);
      const all = (await search({ jql: 'key = SUP-1', fields: ['*all', '-comment'] })).json as SearchPage;
      expect(Object.keys(all.issues[0].fields)).toEqual(expect.arrayContaining(['summary', 'worklog', 'attachment', TTFR, TTR, 'issuelinks']));
      expect(Object.keys(all.issues[0].fields)).not.toContain('comment');
      const nav = Object.keys(((await search({ jql: 'key = SUP-1', fields: ['*navigable'] })).json as SearchPage).issues[0].fields);
      expect(nav).toEqual(expect.arrayContaining(['summary', 'status', 'description', TTR, 'issuelinks', 'timespent']));
      for (const hidden of ['comment', 'worklog', 'attachment', 'timetracking']) expect(nav).not.toContain(hidden);
      const get = await rest(APP, 'GET', `/rest/api/3/search/jql?jql=${encodeURIComponent('project = SUP ORDER BY key DESC')}&fields=summary`);
      expect((get.json as SearchPage).issues.map((i) => [i.key, Object.keys(i.fields)])).toEqual([['SUP-3', ['summary']], ['SUP-2', ['summary']], ['SUP-1', ['summary']]]);
    });

    it('pages with an opaque nextPageToken, absent on the last page', async () => {
      const seen: string[] = [];
      const tokens: string[] = [];
      let token: string | undefined;
      do {
        const r = await search({ jql: 'project in (SUP, ENG) ORDER BY key ASC', maxResults: 4, ...(token ? { nextPageToken: token } : {}) });
        expect(r.status).toBe(200);
        const page = r.json as SearchPage;
        seen.push(...page.issues.map((i) => i.key));
        expect(page.isLast).toBe(page.nextPageToken === undefined);
        token = page.nextPageToken;
        if (token) tokens.push(token);
      } while (token);
      expect(seen).toEqual(['ENG-1', 'ENG-2', 'ENG-3', 'SUP-1', 'SUP-2', 'SUP-3']);
      expect(tokens).toHaveLength(1);
      const replayed = await search({ jql: 'project = SUP', nextPageToken: tokens[0] });
      expect(replayed).toEqual({ status: 400, json: { errorMessages: ['The provided next page token is invalid or expired.'], errors: {} } });
      expect((await search({ jql: 'project = SUP', nextPageToken: 'garbage' })).status).toBe(400);
    });

    it('orders by created DESC unless told otherwise', async () => {
      const order = async (jql: string): Promise<string[]> => ((await search({ jql })).json as SearchPage).issues.map((i) => i.key);
      expect(await order('project in (SUP, ENG)')).toEqual(['SUP-1', 'ENG-3', 'SUP-2', 'SUP-3', 'ENG-2', 'ENG-1']);
      expect(await order('project = ENG ORDER BY created ASC')).toEqual(['ENG-1', 'ENG-2', 'ENG-3']);
      expect(await order('project = ENG ORDER BY updated')).toEqual(['ENG-3', 'ENG-2', 'ENG-1']);
      expect(await order('project in (SUP, ENG) order by key desc')).toEqual(['SUP-3', 'SUP-2', 'SUP-1', 'ENG-3', 'ENG-2', 'ENG-1']);
      expect((await search({ jql: 'project = ENG ORDER BY nonsense' })).json).toEqual({ errorMessages: ["Field 'nonsense' does not exist or you do not have permission to view it."], errors: {} });
    });

    it('refuses unbounded queries and bad payloads, and shows only what the caller may browse', async () => {
      const unbounded = { status: 400, json: { errorMessages: ['Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'], errors: {} } };
      expect(await search({ jql: 'ORDER BY created DESC' })).toEqual(unbounded);
      expect(await search({})).toEqual(unbounded);
      expect((await search({ jql: 'project = SUP', maxResults: 0 })).status).toBe(400);
      expect((await search({ jql: 'project = SUP', fields: 'summary' })).status).toBe(400);
      expect(await keys('labels = confidential OR project = SUP')).toEqual(['HR-2', 'SUP-1', 'SUP-2', 'SUP-3']);
      expect(await keys('labels = confidential OR project = SUP', user(uma))).toEqual(['SUP-1', 'SUP-2', 'SUP-3']);
    });

    it('caps a page at 100 issues for *all and at 5000 for ids', async () => {
      for (let n = 0; n < 100; n += 1) await site.createIssue(alice, { projectKey: 'ENG', summary: `Bulk ${n}` });
      const wide = (await search({ jql: 'project = ENG', fields: ['*all'], maxResults: 1000 })).json as SearchPage;
      expect(wide.issues).toHaveLength(100);
      expect(wide.isLast).toBe(false);
      const narrow = (await search({ jql: 'project = ENG', maxResults: 1000 })).json as SearchPage;
      expect(narrow.issues).toHaveLength(103);
      expect(narrow.isLast).toBe(true);
    });
  });

  it('lists the fields, the SLA fields with the JSM SLA type', async () => {
    const r = await rest(APP, 'GET', '/rest/api/3/field');
    expect(r.status).toBe(200);
    const fields = r.json as Array<{ id: string; name: string; navigable: boolean; custom: boolean }>;
    expect(fields.find((f) => f.id === TTR)).toEqual({
      id: TTR, key: TTR, name: 'Time to resolution', untranslatedName: 'Time to resolution', custom: true, orderable: true, navigable: true, searchable: true,
      clauseNames: ['cf[10031]', 'Time to resolution'],
      schema: { type: 'sd-servicelevelagreement', custom: 'com.atlassian.servicedesk:sd-sla-field', customId: 10031 },
    });
    expect(fields.find((f) => f.id === TTFR)).toMatchObject({ name: 'Time to first response', clauseNames: ['cf[10030]', 'Time to first response'] });
    expect(fields.find((f) => f.id === 'customfield_10010')).toMatchObject({ name: 'Request Type', custom: true, schema: { type: 'sd-customerrequesttype' } });
    for (const id of ['summary', 'status', 'priority', 'issuetype', 'project', 'assignee', 'reporter', 'labels', 'created', 'updated', 'description']) {
      expect(fields.find((f) => f.id === id)).toMatchObject({ id, key: id, custom: false, navigable: true, schema: { system: id } });
    }
    expect(fields.find((f) => f.id === 'comment')).toMatchObject({ navigable: false });
    expect((await rest(user(uma), 'GET', '/rest/api/3/field')).status).toBe(200);
  });
});

describe('scheduled triggers on demand', () => {
  const APP_ROOT = join(__dirname, '..', 'fixtures', 'mini-app');
  let dir: string;
  let site: LocalJiraSite;
  let forge: LocalForge;
  const clock = T0 + HOUR;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scheduled-'));
    site = await createFakeJiraSite({ dataDir: dir, now: () => clock });
    forge = await createLocalForge({ appRoot: APP_ROOT, dataDir: dir, site, log: () => undefined, scheduledTriggers: false });
  });
  afterEach(async () => {
    await forge.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the mini app\'s SLA scan with the real SDKs against the fake site', async () => {
    await site.setSlaRemaining(pat, 'SUP-1', 'Time to first response', -15);
    const before = forge.metrics().invocations;
    const report = await forge.runScheduledTrigger('sla-scan');
    expect(report).toEqual({ outcome: 'success', durationMs: expect.any(Number) as unknown });
    expect(forge.metrics().invocations).toBe(before + 1);
    const stored = (await forge.invokeResolver({ moduleKey: 'mini-admin-page', functionKey: 'kvsGet', payload: { key: 'sla-scan' }, accountId: alice })) as { value: Record<string, unknown> };
    expect(stored.value).toEqual({
      context: { cloudId: expect.any(String) as unknown, moduleKey: 'sla-scan' },
      slaFields: [TTFR, TTR],
      jql: expect.stringContaining('"Time to first response" = breached()') as unknown,
      pages: 3,
      found: [
        { key: 'SUP-1', breached: ['Time to first response'] },
        { key: 'SUP-2', breached: ['Time to resolution'] },
        { key: 'SUP-3', breached: [] },
      ],
    });
  });

  it('reports a failing run, refuses an unknown module, and answers over HTTP', async () => {
    expect(await forge.runScheduledTrigger('broken-schedule')).toEqual({ outcome: 'error', error: expect.stringContaining('scheduled boom') as unknown, durationMs: expect.any(Number) as unknown });
    await expect(forge.runScheduledTrigger('nope')).rejects.toBeInstanceOf(UnknownScheduledTriggerError);
    const app = apiRoutes({ forge, site, listener: await createSampleListener(dir) });
    const ok = await app.request('/api/scheduled/sla-scan', { method: 'POST' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ outcome: 'success', durationMs: expect.any(Number) as unknown });
    const missing = await app.request('/api/scheduled/nope', { method: 'POST' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'No scheduledTrigger module has key "nope"' });
    await forge.idle(5000);
  });
});
