import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EMPTY_CONFIG, type RelayConfig, type StoredConnection } from '../../src/core/connection';
import { normalizeEvent, withFetchedIssue } from '../../src/core/normalize-event';
import { routeEvent } from '../../src/core/route-event';
import { buildWebhookBody, type FetchedIssue } from '../../src/core/webhook-body';
import { compileTemplate, contextFromWebhookBody, renderToBody } from '../../src/core/template';
import { DEFAULT_EVENT_KINDS, type EventKind } from '../../src/shared/events';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/forge-events', `${name}.json`), 'utf8')) as Record<string, unknown>;

const NOW = Date.parse('2026-12-04T12:00:00Z');

/** SUP-1 as GET /rest/api/3/issue returns it to the app. */
const sup1: FetchedIssue = {
  id: '10001',
  key: 'SUP-1',
  self: 'https://relay-dev.atlassian.net/rest/api/3/issue/10001',
  fields: { summary: 'Customer cannot log in', project: { id: '10000', key: 'SUP' }, issuetype: { name: 'Bug' }, priority: { name: 'High' } },
};

describe.each([
  ['worklog-created', 'worklog_created', 'issue_worklogged', 'worklog'],
  ['worklog-updated', 'worklog_updated', 'issue_worklog_updated', 'worklog'],
  ['worklog-deleted', 'worklog_deleted', 'issue_worklog_deleted', 'worklog'],
  ['attachment-created', 'attachment_created', 'attachment_created', 'attachment'],
  ['attachment-deleted', 'attachment_deleted', 'attachment_deleted', 'attachment'],
  ['issuelink-created', 'issuelink_created', 'issuelink_created', 'issueLink'],
  ['issuelink-deleted', 'issuelink_deleted', 'issuelink_deleted', 'issueLink'],
] as const)('%s', (name, kind, typeName, entity) => {
  const raw = fixture(name);
  const event = normalizeEvent(raw, NOW);

  it(`is the "${kind}" event, named as Jira's webhooks name it`, () => {
    expect(event.kinds).toEqual([kind]);
    expect(event.webhookEvent).toBe(kind);
    expect(event.issueEventTypeName).toBe(typeName);
  });

  it('knows its issue by id only until the issue is fetched', () => {
    expect(event.carriesIssue).toBe(false);
    expect(event.issue).toMatchObject({ id: '10001', key: '' });
    expect(event.issue.projectKey).toBeUndefined();
    expect(withFetchedIssue(event, sup1).issue).toMatchObject({ id: '10001', key: 'SUP-1', projectKey: 'SUP', projectId: '10000' });
  });

  it(`sends the fetched issue and the ${entity} itself`, () => {
    const body = buildWebhookBody(withFetchedIssue(event, sup1), sup1);
    expect(body).toMatchObject({ webhookEvent: kind, issue: { key: 'SUP-1', fields: sup1.fields }, user: { accountId: raw.atlassianId } });
    expect(body[entity]).toEqual(raw[entity]);
  });

  it('keeps its id across a duplicate delivery and a retry', () => {
    expect(normalizeEvent({ ...structuredClone(raw), retryContext: { retryCount: 1 } }, NOW + 5_000).id).toBe(event.id);
  });
});

describe('work log, attachment and link events', () => {
  const connection = (id: string, events: EventKind[], projects: StoredConnection['projects'] = { mode: 'all' }): StoredConnection => ({
    id,
    name: id,
    url: 'https://api.moveworks.ai/webhooks/v1/listeners/x/notify',
    enabled: true,
    events,
    projects,
    rateLimitPerSecond: 5,
    headers: [],
    payload: { format: 'jira' },
    conditions: {},
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  });

  it('are opt-in: a connection with the default events does not get them', () => {
    const config: RelayConfig = {
      ...EMPTY_CONFIG,
      connections: [connection('defaults', [...DEFAULT_EVENT_KINDS]), connection('worklogs', ['worklog_created'])],
    };
    const event = withFetchedIssue(normalizeEvent(fixture('worklog-created'), NOW), sup1);
    expect(routeEvent(event, config).map((c) => c.id)).toEqual(['worklogs']);
  });

  it('are routed by the fetched issue’s project', () => {
    const config: RelayConfig = {
      ...EMPTY_CONFIG,
      connections: [
        connection('sup', ['attachment_created'], { mode: 'selected', projectKeys: ['SUP'] }),
        connection('eng', ['attachment_created'], { mode: 'selected', projectKeys: ['ENG'] }),
      ],
    };
    const unfetched = normalizeEvent(fixture('attachment-created'), NOW);
    expect(routeEvent(unfetched, config)).toEqual([]);
    expect(routeEvent(withFetchedIssue(unfetched, sup1), config).map((c) => c.id)).toEqual(['sup']);
  });

  it('give each work log edit its own id, and different entities different ids', () => {
    const ids = ['worklog-created', 'worklog-updated', 'worklog-deleted', 'attachment-created', 'attachment-deleted', 'issuelink-created', 'issuelink-deleted'].map(
      (name) => normalizeEvent(fixture(name), NOW).id,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('take the issue from an `issue` object when Forge sends one, whichever shape arrives', () => {
    const raw: Record<string, unknown> = { ...fixture('attachment-created'), issue: { id: '10001', key: 'SUP-1', fields: sup1.fields } };
    delete (raw.attachment as Record<string, unknown>).issueId;
    const event = normalizeEvent(raw, NOW);
    expect(event.carriesIssue).toBe(true);
    expect(event.issue).toMatchObject({ id: '10001', key: 'SUP-1', projectKey: 'SUP' });
  });

  it('refuse an event that names no issue at all, saying so', () => {
    const raw = fixture('attachment-created');
    delete (raw.attachment as Record<string, unknown>).issueId;
    expect(() => normalizeEvent(raw, NOW)).toThrow(/names no issue/);
  });

  it('reach templates as worklog, attachment and issueLink', () => {
    const compiled = compileTemplate('{"spent": "{{worklog.timeSpentSeconds}}", "file": "{{attachment.fileName|none}}", "link": "{{issueLink.issueLinkType.outwardName|none}}", "key": "{{issue.key}}"}');
    if (!compiled.ok) throw new Error(compiled.errors[0]?.message);
    const render = (name: string): unknown => JSON.parse(renderToBody(compiled.template, contextFromWebhookBody(buildWebhookBody(withFetchedIssue(normalizeEvent(fixture(name), NOW), sup1), sup1))));
    expect(render('worklog-created')).toEqual({ spent: 2700, file: 'none', link: 'none', key: 'SUP-1' });
    expect(render('attachment-created')).toMatchObject({ file: 'saml-trace.har' });
    expect(render('issuelink-created')).toMatchObject({ link: 'blocks' });
  });
});
