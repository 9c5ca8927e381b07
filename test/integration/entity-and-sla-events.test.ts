import type { ConnectionInput, ConnectionView, SlaOverview } from '../../src/shared/contract';
import type { EventKind } from '../../src/shared/events';
import { startListenerPlatform, stopListenerPlatform } from '../support/listener-platform';
import type { LoopbackListener, ReceivedRequest } from '../support/loopback-listener';
import type { TestPlatform } from '../support/platform';

const TOKEN = 'lst_entity_sla_token_7c1f';
const SLA_SCAN = 'relay-sla-scan';

interface Metrics {
  jiraRequests: number;
  egressRequests: number;
  kvsReads: number;
  kvsWrites: number;
}

/**
 * Work log, attachment and link events, and the SLA scan, end to end on the local platform: the fake
 * site's simulator changes issues (emitting the Forge events Jira would), the trigger and the scheduled
 * scan forward them, and an independent loopback listener records what arrives.
 */
describe('work log, attachment, link and SLA events', () => {
  let listener: LoopbackListener;
  let platform: TestPlatform;
  let admin: string;
  let connection: ConnectionView;

  beforeAll(async () => {
    ({ listener, platform, admin, connection } = await startListenerPlatform(TOKEN));
  });
  afterAll(() => stopListenerPlatform({ listener, platform }));

  const subscribe = async (events: EventKind[], projects: ConnectionInput['projects'] = { mode: 'all' }) => {
    const input: ConnectionInput = {
      id: connection.id,
      name: connection.name,
      url: connection.url,
      enabled: true,
      events,
      projects,
      rateLimitPerSecond: 5,
      payload: { format: 'jira' },
      conditions: {},
    };
    const saved = await platform.invokeAdmin<ConnectionView>('connections/save', input, admin);
    expect(saved.ok).toBe(true);
  };
  const site = async (path: string, body: Record<string, unknown>) => {
    const response = await platform.api<{ events?: Array<{ eventType: string }>; issue?: { key: string } }>(`/api/site${path}`, { body: { accountId: admin, ...body } });
    expect(response.status).toBe(200);
    return response.json;
  };
  const metrics = async (): Promise<Metrics> => (await platform.api<Metrics>('/api/metrics')).json;
  const runScan = async () => {
    const response = await platform.api<{ outcome: string; error?: string }>(`/api/scheduled/${SLA_SCAN}`, { method: 'POST' });
    expect(response.json).toMatchObject({ outcome: 'success' });
  };
  /**
   * What arrived since `from`. Simulator routes and the scheduled run answer once the invocations they
   * started have finished, so the short wait only catches a request that should not have come.
   */
  const arrivedSince = async (from: number): Promise<ReceivedRequest[]> => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return listener.requests.slice(from);
  };
  const bodies = (requests: ReceivedRequest[]) => requests.map((r) => r.json());

  it('forwards a logged, edited and deleted work log with the full issue and the work log', async () => {
    await subscribe(['worklog_created', 'worklog_updated', 'worklog_deleted']);
    const from = listener.requests.length;
    const logged = await site('/issues/SUP-1/worklogs', { timeSpentSeconds: 2700, comment: 'Checked the "SAML" logs\nfirst' });
    expect(logged.events?.map((e) => e.eventType)).toEqual(['avi:jira:created:worklog']);
    const [created] = await listener.waitFor(from + 1);
    const body = listener.requests[from]?.json() ?? created?.json();
    expect(body).toMatchObject({
      webhookEvent: 'worklog_created',
      issue_event_type_name: 'issue_worklogged',
      issue: { key: 'SUP-1', fields: { summary: expect.any(String) as string, project: { key: 'SUP' } } },
      worklog: { issueId: '10001', timeSpentSeconds: 2700 },
      user: { accountId: admin },
    });
    const worklogId = String((body?.worklog as { id: string }).id);
    await site(`/issues/SUP-1/worklogs/${worklogId}/edit`, { timeSpentSeconds: 3600 });
    await site(`/issues/SUP-1/worklogs/${worklogId}/delete`, {});
    await listener.waitFor(from + 3);
    expect(bodies(listener.requests.slice(from)).map((b) => b.webhookEvent)).toEqual(['worklog_created', 'worklog_updated', 'worklog_deleted']);
    expect(new Set(listener.requests.slice(from).map((r) => r.headers['webhook-id'])).size).toBe(3);
  });

  it('forwards attachments and issue links to connections that opted in, and nothing to those that did not', async () => {
    await subscribe(['attachment_created', 'attachment_deleted', 'issuelink_created', 'issuelink_deleted']);
    const from = listener.requests.length;
    const attached = await site('/issues/SUP-1/attachments', { fileName: 'trace.har', mimeType: 'application/json', size: 1200 });
    // Jira also records the attachment in the changelog: the "updated" event goes nowhere here.
    expect(attached.events?.map((e) => e.eventType)).toEqual(['avi:jira:created:attachment', 'avi:jira:updated:issue']);
    const linked = await site('/issues/SUP-1/links', { destinationKey: 'ENG-1', type: 'Blocks' });
    expect(linked.events?.[0]?.eventType).toBe('avi:jira:created:issuelink');
    await listener.waitFor(from + 2);
    const [attachment, link] = bodies(await arrivedSince(from));
    expect(attachment).toMatchObject({ webhookEvent: 'attachment_created', issue: { key: 'SUP-1' }, attachment: { fileName: 'trace.har', issueId: '10001' } });
    expect(link).toMatchObject({ webhookEvent: 'issuelink_created', issue: { key: 'SUP-1' }, issueLink: { sourceIssueId: '10001', destinationIssueId: '10004', issueLinkType: { name: 'Blocks' } } });
    expect(listener.requests.length).toBe(from + 2);
  });

  it('routes them by the issue’s project, and fetches nothing when no connection wants them', async () => {
    await subscribe(['worklog_created'], { mode: 'selected', projectKeys: ['ENG'] });
    let from = listener.requests.length;
    await site('/issues/SUP-2/worklogs', { timeSpentSeconds: 60 });
    await site('/issues/ENG-1/worklogs', { timeSpentSeconds: 120 });
    await listener.waitFor(from + 1);
    expect(bodies(await arrivedSince(from)).map((b) => (b.issue as { key: string }).key)).toEqual(['ENG-1']);

    await subscribe(['issue_created']);
    from = listener.requests.length;
    const before = await metrics();
    await site('/issues/SUP-2/worklogs', { timeSpentSeconds: 60 });
    expect(await arrivedSince(from)).toHaveLength(0);
    const after = await metrics();
    expect(after.jiraRequests - before.jiraRequests).toBe(0);
    expect(after.egressRequests - before.egressRequests).toBe(0);
  });

  it('scans SLAs only while a connection wants them: no Jira call otherwise', async () => {
    await subscribe(['issue_created']);
    const before = await metrics();
    await runScan();
    const after = await metrics();
    expect(after.jiraRequests - before.jiraRequests).toBe(0);
    expect(after.egressRequests - before.egressRequests).toBe(0);
  });

  it('sends one sla_breached per issue, SLA and cycle, and a warning before a breach', async () => {
    await subscribe(['sla_breached', 'sla_warning']);
    const saved = await platform.invokeAdmin<SlaOverview>('sla/save', { warnBeforeMinutes: 30, slaNames: [] }, admin);
    expect(saved).toMatchObject({ ok: true, data: { settings: { warnBeforeMinutes: 30 }, subscribers: [connection.name] } });
    if (saved.ok) expect(saved.data.fields.map((f) => f.name).sort()).toEqual(['Time to first response', 'Time to resolution']);

    await site('/issues/SUP-1/sla', { sla: 'Time to resolution', remainingMinutes: -5 });
    await site('/issues/SUP-1/sla', { sla: 'Time to first response', remainingMinutes: 20 });
    let from = listener.requests.length;
    await runScan();
    await listener.waitFor(from + 2);
    const found = bodies(await arrivedSince(from));
    const breach = found.find((b) => b.webhookEvent === 'sla_breached');
    const warning = found.find((b) => b.webhookEvent === 'sla_warning');
    expect(breach).toMatchObject({ issue: { key: 'SUP-1', fields: { customfield_10031: { name: 'Time to resolution' } } }, sla: { name: 'Time to resolution', breached: true, fieldId: 'customfield_10031' } });
    expect(warning).toMatchObject({ issue: { key: 'SUP-1' }, sla: { name: 'Time to first response', breached: false } });
    expect((warning?.sla as { remainingMillis: number }).remainingMillis).toBeGreaterThan(0);
    expect((warning?.sla as { remainingMillis: number }).remainingMillis).toBeLessThanOrEqual(20 * 60_000);
    expect(found).toHaveLength(2);

    // The next scans see the same cycles: nothing new is sent.
    from = listener.requests.length;
    await runScan();
    expect(await arrivedSince(from)).toHaveLength(0);

    // The warned SLA breaches: that is news, once.
    await site('/issues/SUP-1/sla', { sla: 'Time to first response', remainingMinutes: -1 });
    from = listener.requests.length;
    await runScan();
    await runScan();
    await listener.waitFor(from + 1);
    expect(bodies(await arrivedSince(from))).toEqual([expect.objectContaining({ webhookEvent: 'sla_breached', sla: expect.objectContaining({ name: 'Time to first response' }) as unknown })]);

    const overview = await platform.invokeAdmin<SlaOverview>('sla/overview', {}, admin);
    expect(overview).toMatchObject({ ok: true, data: { lastScan: { slas: 2, sent: 0 } } });
  });

  it('watches only the named SLAs and sends no warnings at 0 minutes', async () => {
    await subscribe(['sla_breached', 'sla_warning']);
    expect(await platform.invokeAdmin('sla/save', { warnBeforeMinutes: 0, slaNames: ['Time to resolution'] }, admin)).toMatchObject({ ok: true });
    const created = await site('/issues', { projectKey: 'SUP', summary: 'Printer on fire' });
    const key = created.issue?.key ?? '';
    expect(key).toMatch(/^SUP-\d+$/);
    await site(`/issues/${key}/sla`, { sla: 'Time to first response', remainingMinutes: -3 });
    await site(`/issues/${key}/sla`, { sla: 'Time to resolution', remainingMinutes: 10 });
    const from = listener.requests.length;
    await runScan();
    expect(await arrivedSince(from)).toHaveLength(0);
    await site(`/issues/${key}/sla`, { sla: 'Time to resolution', remainingMinutes: -2 });
    await runScan();
    await listener.waitFor(from + 1);
    expect(bodies(await arrivedSince(from))).toEqual([expect.objectContaining({ webhookEvent: 'sla_breached', issue: expect.objectContaining({ key }) as unknown })]);
  });

  it('refuses bad SLA settings naming the field, and only Jira admins may change them', async () => {
    expect(await platform.invokeAdmin('sla/save', { warnBeforeMinutes: -5, slaNames: [] }, admin)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'warnBeforeMinutes' } });
    // Shorter than the scan's five minutes, a warning could fall between two scans.
    expect(await platform.invokeAdmin('sla/save', { warnBeforeMinutes: 3, slaNames: [] }, admin)).toMatchObject({ ok: false, error: { field: 'warnBeforeMinutes', message: expect.stringMatching(/at least 5 minutes/) as unknown } });
    expect(await platform.invokeAdmin('sla/save', { warnBeforeMinutes: 30, slaNames: [''] }, admin)).toMatchObject({ ok: false, error: { field: 'slaNames.0' } });
    expect(await platform.invokeAdmin('sla/save', { warnBeforeMinutes: 30, slaNames: [] }, platform.users.projectAdmin.accountId)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
