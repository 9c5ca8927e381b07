/**
 * Worklog, attachment and issue link operations of the fake site: the Forge events they emit match
 * test/fixtures/forge-events exactly, the REST issue shows the entities, refusals change nothing, and the
 * simulator's HTTP routes drive them.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ForgeProductEvent } from '../../local/contracts';
import { siteRoutes } from '../../local/server/site-routes';
import { createFakeJiraSite, type LocalJiraSite, type SimulationResult } from '../../local/site/create-fake-jira-site';
import { seedSiteState } from '../../local/site/seed';
import { ACCOUNT_IDS } from '../../local/site/site-constants';

const { alice, pat, uma, bot } = ACCOUNT_IDS;
const FIXTURES = join(__dirname, '..', 'fixtures', 'forge-events');

async function fixture(name: string): Promise<ForgeProductEvent> {
  return JSON.parse(await readFile(join(FIXTURES, `${name}.json`), 'utf8')) as ForgeProductEvent;
}

const COMMENT = 'Went through the IdP logs: the "invalid SAML response" starts at 08:02.';

interface Changelog { id: string; items: Array<Record<string, unknown>> }
const changelogOf = (e: ForgeProductEvent): Changelog => e.changelog as Changelog;
const issueKeyOf = (e: ForgeProductEvent): string => (e.issue as { key: string }).key;

describe('fake site worklog, attachment and issue link events', () => {
  let dir: string;
  let site: LocalJiraSite;
  let clock: number;
  let emitted: ForgeProductEvent[];

  const restIssue = async (key: string): Promise<{ fields: Record<string, unknown> }> =>
    JSON.parse((await site.handleRest({ as: { kind: 'app' }, method: 'GET', path: `/rest/api/3/issue/${key}`, headers: {} })).body ?? '{}') as { fields: Record<string, unknown> };
  const at = async (name: string): Promise<ForgeProductEvent> => {
    const expected = await fixture(name);
    clock = Number(expected.timestamp);
    return expected;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fake-site-entities-'));
    clock = Date.parse('2024-12-04T09:00:00.000Z');
    emitted = [];
    site = await createFakeJiraSite({ dataDir: dir, now: () => clock, onEvent: (e) => void emitted.push(e) });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replays the fixture story on SUP-1 and emits exactly the fixture events', async () => {
    const updatedShape = Object.keys(await fixture('issue-updated-field')).sort();

    let expected = await at('worklog-created');
    const logged = await site.logWork(pat, 'SUP-1', { timeSpentSeconds: 2700, comment: COMMENT, started: Date.parse('2024-12-04T08:30:00.000Z') });
    // Jira sends only the worklog event for worklogs.
    expect(logged.events).toEqual([expected]);

    expected = await at('attachment-created');
    const attached = await site.addAttachment(uma, 'SUP-1', { fileName: 'saml-trace.har', mimeType: 'application/json', size: 48213 });
    expect(attached.events[0]).toEqual(expected);
    expect(attached.events[1]).toMatchObject({ eventType: 'avi:jira:updated:issue', timestamp: expected.timestamp, atlassianId: uma, jiraEventTypeName: 'issue_updated', issue: { id: '10001', key: 'SUP-1' } });
    expect(Object.keys(attached.events[1]).sort()).toEqual(updatedShape);
    expect(changelogOf(attached.events[1]).items).toEqual([{ field: 'Attachment', fieldtype: 'jira', fieldId: 'attachment', from: null, fromString: null, to: '10400', toString: 'saml-trace.har' }]);

    expected = await at('worklog-updated');
    expect((await site.editWorklog(pat, 'SUP-1', '10300', { timeSpentSeconds: 4500 })).events).toEqual([expected]);

    expected = await at('issuelink-created');
    const linked = await site.linkIssues(pat, 'SUP-1', 'ENG-1', 'Blocks');
    expect(linked.events[0]).toEqual(expected);
    expect(linked.events.slice(1).map((e) => [e.eventType, issueKeyOf(e), e.jiraEventTypeName, changelogOf(e).items])).toEqual([
      ['avi:jira:updated:issue', 'SUP-1', 'issue_generic', [{ field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: 'ENG-1', toString: 'This issue blocks ENG-1' }]],
      ['avi:jira:updated:issue', 'ENG-1', 'issue_generic', [{ field: 'Link', fieldtype: 'jira', from: null, fromString: null, to: 'SUP-1', toString: 'This issue is blocked by SUP-1' }]],
    ]);
    linked.events.slice(1).forEach((e) => expect(Object.keys(e).sort()).toEqual(updatedShape));

    expected = await at('worklog-deleted');
    expect((await site.deleteWorklog(pat, 'SUP-1', '10300')).events).toEqual([expected]);

    expected = await at('attachment-deleted');
    const detached = await site.deleteAttachment(pat, 'SUP-1', '10400');
    expect(detached.events[0]).toEqual(expected);
    expect(changelogOf(detached.events[1]).items).toEqual([{ field: 'Attachment', fieldtype: 'jira', fieldId: 'attachment', from: '10400', fromString: 'saml-trace.har', to: null, toString: null }]);

    expected = await at('issuelink-deleted');
    const unlinked = await site.deleteIssueLink(pat, '10500');
    expect(unlinked.events[0]).toEqual(expected);
    expect(unlinked.events.slice(1).map((e) => changelogOf(e).items[0])).toEqual([
      { field: 'Link', fieldtype: 'jira', from: 'ENG-1', fromString: 'This issue blocks ENG-1', to: null, toString: null },
      { field: 'Link', fieldtype: 'jira', from: 'SUP-1', fromString: 'This issue is blocked by SUP-1', to: null, toString: null },
    ]);
    // onEvent saw every event in the order the operations returned them, entity event first.
    expect(emitted.map((e) => e.eventType)).toEqual([
      'avi:jira:created:worklog',
      'avi:jira:created:attachment', 'avi:jira:updated:issue',
      'avi:jira:updated:worklog',
      'avi:jira:created:issuelink', 'avi:jira:updated:issue', 'avi:jira:updated:issue',
      'avi:jira:deleted:worklog',
      'avi:jira:deleted:attachment', 'avi:jira:updated:issue',
      'avi:jira:deleted:issuelink', 'avi:jira:updated:issue', 'avi:jira:updated:issue',
    ]);
  });

  it('shows worklogs, time spent, attachments and links in the REST issue as Jira does', async () => {
    await site.logWork(pat, 'SUP-1', { timeSpentSeconds: 2700, comment: COMMENT });
    await site.logWork(uma, 'SUP-1', { timeSpentSeconds: 9 * 3600 });
    await site.addAttachment(uma, 'SUP-1', { fileName: 'screenshot.png', size: 2048 });
    await site.linkIssues(pat, 'SUP-1', 'ENG-1', 'blocks');
    await site.linkIssues(alice, 'SUP-2', 'SUP-1', 'Duplicates');

    const sup1 = (await restIssue('SUP-1')).fields;
    expect(sup1.timespent).toBe(2700 + 9 * 3600);
    expect(sup1.timetracking).toEqual({ timeSpent: '1d 1h 45m', timeSpentSeconds: 2700 + 9 * 3600 });
    expect(sup1.worklog).toEqual({
      startAt: 0,
      maxResults: 20,
      total: 2,
      worklogs: [
        expect.objectContaining({
          self: 'https://relay-dev.atlassian.net/rest/api/3/issue/10001/worklog/10300',
          id: '10300', issueId: '10001', timeSpent: '45m', timeSpentSeconds: 2700,
          author: expect.objectContaining({ accountId: pat, displayName: 'Pat Project-Admin' }) as unknown,
          comment: expect.objectContaining({ type: 'doc' }) as unknown,
          started: '2024-12-04T09:00:00.000+0000',
        }),
        expect.not.objectContaining({ comment: expect.anything() as unknown }),
      ],
    });
    expect(sup1.attachment).toEqual([{
      self: 'https://relay-dev.atlassian.net/rest/api/3/attachment/10400',
      id: '10400',
      filename: 'screenshot.png',
      author: expect.objectContaining({ accountId: uma }) as unknown,
      created: '2024-12-04T09:00:00.000+0000',
      size: 2048,
      mimeType: 'image/png',
      content: 'https://relay-dev.atlassian.net/rest/api/3/attachment/content/10400',
      thumbnail: 'https://relay-dev.atlassian.net/rest/api/3/attachment/thumbnail/10400',
    }]);
    expect(sup1.issuelinks).toEqual([
      {
        id: '10500',
        self: 'https://relay-dev.atlassian.net/rest/api/3/issueLink/10500',
        type: { id: '10000', name: 'Blocks', inward: 'is blocked by', outward: 'blocks', self: 'https://relay-dev.atlassian.net/rest/api/3/issueLinkType/10000' },
        outwardIssue: { id: '10004', key: 'ENG-1', self: 'https://relay-dev.atlassian.net/rest/api/3/issue/10004', fields: expect.objectContaining({ summary: 'Rotate the SSO signing certificate', status: expect.objectContaining({ name: 'To Do' }) as unknown }) as unknown },
      },
      expect.objectContaining({ id: '10501', type: expect.objectContaining({ name: 'Duplicate', inward: 'is duplicated by' }) as unknown, inwardIssue: expect.objectContaining({ key: 'SUP-2' }) as unknown }),
    ]);
    expect((await restIssue('ENG-1')).fields.issuelinks).toEqual([expect.objectContaining({ id: '10500', inwardIssue: expect.objectContaining({ key: 'SUP-1' }) as unknown })]);
    expect((await restIssue('ENG-2')).fields).toMatchObject({ timespent: null, attachment: [], issuelinks: [], worklog: { total: 0, worklogs: [] } });

    // Deleting an issue takes its links with it (without events for them).
    await site.deleteIssue(alice, 'ENG-1');
    expect((await restIssue('SUP-1')).fields.issuelinks).toEqual([expect.objectContaining({ id: '10501' })]);
    expect(site.issues('SUP').find((i) => i.key === 'SUP-1')).toMatchObject({
      worklogs: [{ id: '10300', timeSpent: '45m' }, { id: '10301', timeSpent: '1d 1h' }],
      attachments: [{ id: '10400', fileName: 'screenshot.png' }],
      links: [{ id: '10501', description: 'is duplicated by SUP-2', otherKey: 'SUP-2' }],
      slas: [{ name: 'Time to first response', ongoing: true }, { name: 'Time to resolution', ongoing: true }],
    });
  });

  it('refuses what the actor may not do, changes nothing and emits nothing', async () => {
    await site.logWork(pat, 'SUP-1', { timeSpentSeconds: 600 });
    await site.addAttachment(pat, 'SUP-1', { fileName: 'a.txt' });
    await site.linkIssues(pat, 'SUP-1', 'ENG-1', 'Relates');
    emitted = [];
    const before = await readFile(join(dir, 'site.json'), 'utf8');
    const refusals: Array<[() => Promise<SimulationResult>, Record<string, unknown>]> = [
      [() => site.logWork(bot, 'SUP-1', { timeSpentSeconds: 600 }), { status: 403 }],
      [() => site.logWork(uma, 'HR-1', { timeSpentSeconds: 600 }), { status: 404 }],
      [() => site.logWork(uma, 'SUP-1', { timeSpentSeconds: 30 }), { status: 400, field: 'timeSpentSeconds' }],
      [() => site.editWorklog(uma, 'SUP-1', '10300', { timeSpentSeconds: 60 }), { status: 403 }],
      [() => site.editWorklog(pat, 'SUP-1', '10399', { timeSpentSeconds: 60 }), { status: 404 }],
      [() => site.editWorklog(pat, 'SUP-1', '10300', {}), { status: 400 }],
      [() => site.deleteWorklog(uma, 'SUP-1', '10300'), { status: 403 }],
      [() => site.addAttachment(bot, 'SUP-1', { fileName: 'x.txt' }), { status: 403 }],
      [() => site.addAttachment(uma, 'SUP-1', { fileName: '../etc/passwd' }), { status: 400, field: 'fileName' }],
      [() => site.addAttachment(uma, 'SUP-1', { fileName: 'x.txt', size: -1 }), { status: 400, field: 'size' }],
      [() => site.deleteAttachment(uma, 'SUP-1', '10400'), { status: 403 }],
      [() => site.deleteAttachment(pat, 'SUP-1', '10499'), { status: 404 }],
      [() => site.linkIssues(bot, 'SUP-1', 'ENG-2', 'Blocks'), { status: 403 }],
      [() => site.linkIssues(uma, 'SUP-1', 'HR-1', 'Blocks'), { status: 404 }],
      [() => site.linkIssues(uma, 'HR-1', 'SUP-1', 'Blocks'), { status: 404 }],
      [() => site.linkIssues(uma, 'SUP-1', 'ENG-2', 'Causes'), { status: 400, field: 'type' }],
      [() => site.linkIssues(uma, 'SUP-1', 'sup-1', 'Blocks'), { status: 400 }],
      [() => site.linkIssues(uma, 'SUP-1', 'ENG-1', 'relates to'), { status: 400, message: 'SUP-1 already relates to ENG-1.' }],
      [() => site.deleteIssueLink(bot, '10500'), { status: 403 }],
      [() => site.deleteIssueLink(pat, '10599'), { status: 404 }],
      [() => site.logWork('nobody', 'SUP-1', { timeSpentSeconds: 600 }), { status: 401 }],
    ];
    for (const [op, refusal] of refusals) await expect(op()).rejects.toMatchObject(refusal);
    expect(emitted).toEqual([]);
    expect(await readFile(join(dir, 'site.json'), 'utf8')).toBe(before);
    // Own attachments and worklogs may be removed by their author; a project admin may remove anyone's.
    await site.addAttachment(uma, 'SUP-1', { fileName: 'mine.log' });
    expect((await site.deleteAttachment(uma, 'SUP-1', '10401')).events.map((e) => e.eventType)).toEqual(['avi:jira:deleted:attachment', 'avi:jira:updated:issue']);
    await site.logWork(uma, 'SUP-1', { timeSpentSeconds: 60 });
    expect((await site.editWorklog(uma, 'SUP-1', '10301', { comment: 'typo' })).events).toHaveLength(1);
    expect((await site.deleteWorklog(pat, 'SUP-1', '10301')).events).toHaveLength(1);
  });

  it('loads a site.json written before worklogs, attachments, links and SLAs existed', async () => {
    const legacy = seedSiteState() as unknown as { issueLinks?: unknown; counters: Record<string, unknown>; issues: Array<Record<string, unknown>> };
    delete legacy.issueLinks;
    for (const k of ['worklogId', 'attachmentId', 'issueLinkId']) delete legacy.counters[k];
    for (const i of legacy.issues) for (const k of ['worklogs', 'attachments', 'sla']) delete i[k];
    const legacyDir = await mkdtemp(join(tmpdir(), 'fake-site-legacy-'));
    try {
      await writeFile(join(legacyDir, 'site.json'), JSON.stringify(legacy));
      const old = await createFakeJiraSite({ dataDir: legacyDir, now: () => clock });
      expect(old.seeded).toBe(false);
      expect((await old.logWork(pat, 'SUP-1', { timeSpentSeconds: 60 })).events[0]).toMatchObject({ worklog: { id: '10300' } });
      expect((await old.linkIssues(pat, 'SUP-1', 'ENG-1', 'Clones')).events[0]).toMatchObject({ issueLink: { id: '10500', issueLinkType: { name: 'Cloners', outwardName: 'clones' } } });
      // Completion times were not recorded then: they are read from the issue (SUP-2's first response by Pat).
      const sup2 = JSON.parse((await old.handleRest({ as: { kind: 'app' }, method: 'GET', path: '/rest/api/3/issue/SUP-2', headers: {} })).body ?? '{}') as { fields: Record<string, { completedCycles: unknown[] }> };
      expect(sup2.fields.customfield_10030.completedCycles).toHaveLength(1);
    } finally {
      await rm(legacyDir, { recursive: true, force: true });
    }
  });

  describe('simulator HTTP routes', () => {
    const post = async (path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
      const res = await siteRoutes(site).request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    const eventTypes = (r: { json: Record<string, unknown> }): string[] => (r.json.events as ForgeProductEvent[]).map((e) => e.eventType);

    it('logs, edits and deletes work, attaches and links, and moves SLA clocks', async () => {
      const logged = await post('/api/site/issues/SUP-1/worklogs', { accountId: pat, timeSpentSeconds: 2700, comment: COMMENT, started: '2024-12-04T08:30:00.000+0000' });
      expect(logged.status).toBe(200);
      expect(logged.json.events).toEqual([await fixture('worklog-created').then((f) => ({ ...f, timestamp: String(clock), worklog: { ...(f.worklog as object), created: '2024-12-04T09:00:00.000+0000', updated: '2024-12-04T09:00:00.000+0000' } }))]);
      expect(logged.json).toMatchObject({ reports: [[]], issue: { key: 'SUP-1', fields: { timespent: 2700 } } });
      expect(eventTypes(await post('/api/site/issues/SUP-1/worklogs/10300/edit', { accountId: pat, timeSpentSeconds: 4500 }))).toEqual(['avi:jira:updated:worklog']);
      expect(eventTypes(await post('/api/site/issues/SUP-1/worklogs/10300/delete', { accountId: pat }))).toEqual(['avi:jira:deleted:worklog']);
      expect(eventTypes(await post('/api/site/issues/SUP-1/attachments', { accountId: uma, fileName: 'saml-trace.har', size: 48213 }))).toEqual(['avi:jira:created:attachment', 'avi:jira:updated:issue']);
      expect(eventTypes(await post('/api/site/issues/SUP-1/attachments/10400/delete', { accountId: pat }))).toEqual(['avi:jira:deleted:attachment', 'avi:jira:updated:issue']);
      expect(eventTypes(await post('/api/site/issues/SUP-1/links', { accountId: pat, destinationKey: 'ENG-1', type: 'Blocks' }))).toEqual(['avi:jira:created:issuelink', 'avi:jira:updated:issue', 'avi:jira:updated:issue']);
      expect(eventTypes(await post('/api/site/links/10500/delete', { accountId: pat }))).toEqual(['avi:jira:deleted:issuelink', 'avi:jira:updated:issue', 'avi:jira:updated:issue']);
      const sla = await post('/api/site/issues/SUP-1/sla', { accountId: pat, sla: 'Time to resolution', remainingMinutes: -5 });
      expect(sla.status).toBe(200);
      expect(sla.json).toMatchObject({ events: [], reports: [], issue: { fields: { customfield_10031: { ongoingCycle: { breached: true, remainingTime: { friendly: '-5m' } } } } } });
    });

    it('answers refusals and bad bodies with the status and a message', async () => {
      expect(await post('/api/site/issues/SUP-1/worklogs', { accountId: bot, timeSpentSeconds: 60 })).toMatchObject({ status: 403, json: { error: expect.stringContaining('WORK_ON_ISSUES') as unknown } });
      expect((await post('/api/site/issues/SUP-1/worklogs', { accountId: pat, timeSpentSeconds: 'an hour' })).status).toBe(400);
      expect((await post('/api/site/issues/SUP-1/worklogs', { accountId: pat, timeSpentSeconds: 60, started: 'yesterday-ish' })).status).toBe(400);
      expect((await post('/api/site/issues/SUP-1/attachments', { accountId: pat })).status).toBe(400);
      expect(await post('/api/site/issues/SUP-1/links', { accountId: pat, destinationKey: 'ENG-1', type: 'Causes' })).toMatchObject({ status: 400, json: { field: 'type' } });
      expect((await post('/api/site/links/99999/delete', { accountId: pat })).status).toBe(404);
      expect(await post('/api/site/issues/SUP-3/sla', { accountId: pat, sla: 'Time to resolution', remainingMinutes: 5 })).toMatchObject({ status: 409 });
      expect(await post('/api/site/issues/SUP-1/sla', { accountId: uma, sla: 'Time to resolution', remainingMinutes: 5 })).toMatchObject({ status: 403 });
      expect(emitted).toEqual([]);
    });
  });
});
