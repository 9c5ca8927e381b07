import type { ConnectionView, DeliveryDetail, DeliveryPage, SendIssueResult } from '../../src/shared/contract';
import { eventually } from '../support/eventually';
import { receivedReply, type LoopbackListener } from '../support/loopback-listener';
import { fixtureEvent, type TestPlatform } from '../support/platform';
import { startListenerPlatform, stopListenerPlatform } from '../support/listener-platform';
import { dataOf } from '../support/resolver-data';

const TOKEN = 'lst_log_token_19fe2b7c';

/** The delivery log behind the admin and project pages: filters, pages, detail, redeliver, send a real issue. */
describe('delivery log and admin tools', () => {
  let listener: LoopbackListener;
  let platform: TestPlatform;
  let failNext = 0;
  let failStatus = 400;
  let connection: ConnectionView;
  let admin: string;

  beforeAll(async () => {
    ({ listener, platform, admin, connection } = await startListenerPlatform(TOKEN, () => {
      if (failNext > 0) {
        failNext -= 1;
        return { status: failStatus, body: '{"error":"bad payload"}' };
      }
      return receivedReply();
    }));
  });
  afterAll(() => stopListenerPlatform({ listener, platform }));

  const fire = async (name: string, overrides: Record<string, unknown> = {}): Promise<void> => {
    await platform.fireEvent({ ...fixtureEvent(name), timestamp: String(Date.now() + Math.random()), ...overrides });
  };
  const list = async (payload: Record<string, unknown>): Promise<DeliveryPage> => {
    const result = await platform.invokeAdmin<DeliveryPage>('deliveries/list', payload, admin);
    return dataOf(result);
  };

  it('records a failed delivery with its request (token masked), and redelivers it with the same webhook-id', async () => {
    failNext = 1;
    await fire('issue-updated-field');
    const failed = await eventually(async () => (await list({ state: 'failed' })).deliveries[0], 'a failed delivery');
    expect(failed).toMatchObject({ state: 'failed', status: 400, attempts: 1, issueKey: 'SUP-1', connectionId: connection.id });

    const detail = await platform.invokeAdmin<DeliveryDetail>('deliveries/get', { eventId: failed.eventId, connectionId: failed.connectionId }, admin);
    if (!detail.ok) throw new Error(detail.error.message);
    expect(detail.data.request.headers).toMatchObject({ Authorization: 'Bearer ****', 'webhook-id': failed.eventId });
    expect(JSON.parse(detail.data.request.body)).toMatchObject({ eventId: failed.eventId, webhookEvent: 'jira:issue_updated' });
    expect(detail.data.attemptLog).toEqual([expect.objectContaining({ status: 400, responseExcerpt: '{"error":"bad payload"}' })]);
    expect(JSON.stringify(detail)).not.toContain(TOKEN);

    listener.requests.length = 0;
    const again = await platform.invokeAdmin<DeliveryDetail>('deliveries/redeliver', { eventId: failed.eventId, connectionId: failed.connectionId }, admin);
    expect(again).toMatchObject({ ok: true, data: { state: 'delivered', status: 200, attempts: 2 } });
    expect(again.ok && again.data.attemptLog.at(-1)).toMatchObject({ manual: true, status: 200 });
    expect(listener.requests).toHaveLength(1);
    expect(listener.requests[0].headers['webhook-id']).toBe(failed.eventId);
    expect(listener.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.stringify(again)).not.toContain(TOKEN);
  });

  it('filters by state, issue key, connection and time, and pages with a cursor', async () => {
    for (let i = 0; i < 3; i++) await fire('comment-created');
    await fire('issue-created', { issue: { id: '777', key: 'ENG-7', fields: { summary: 'x', project: { id: '10001', key: 'ENG' } } } });
    await eventually(async () => ((await list({ limit: 100 })).deliveries.length >= 5 ? true : undefined), 'five deliveries');

    const eng = await list({ issueKey: 'eng-7' });
    expect(eng.deliveries.map((d) => d.issueKey)).toEqual(['ENG-7']);
    expect((await list({ state: 'failed' })).deliveries).toHaveLength(0);
    expect((await list({ connectionId: connection.id, state: 'delivered', limit: 100 })).deliveries.length).toBeGreaterThanOrEqual(5);
    expect((await list({ from: new Date(Date.now() + 60_000).toISOString() })).deliveries).toHaveLength(0);

    const first = await list({ limit: 2 });
    expect(first.deliveries).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list({ limit: 2, cursor: first.nextCursor });
    expect(second.deliveries).toHaveLength(2);
    expect(second.deliveries.map((d) => d.eventId)).not.toContain(first.deliveries[0].eventId);
    const times = [...first.deliveries, ...second.deliveries].map((d) => Date.parse(d.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('shows each delivery as the event kind the connection chose: an assignment is “assigned”, not Jira’s “issue_updated”', async () => {
    // Records first handled from now on: only these two events.
    const since = new Date(Date.now() + 1).toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fire('issue-assigned');
    await fire('issue-updated-status');
    const rows = await eventually(async () => {
      const found = (await list({ from: since })).deliveries;
      return found.length >= 2 ? found : undefined;
    }, 'both deliveries');
    // The seeded connection takes the default events: "Issue assigned" and "Issue updated", not "Issue transitioned".
    expect(rows.map((r) => [r.webhookEvent, r.eventKind]).sort()).toEqual([
      ['jira:issue_updated', 'issue_assigned'],
      ['jira:issue_updated', 'issue_updated'],
    ]);
  });

  it('refuses bad filters naming the field', async () => {
    expect(await platform.invokeAdmin('deliveries/list', { issueKey: 'not a key' }, admin)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'issueKey' } });
    expect(await platform.invokeAdmin('deliveries/list', { state: 'lost' }, admin)).toMatchObject({ ok: false, error: { field: 'state' } });
    expect(
      await platform.invokeAdmin('deliveries/list', { from: '2026-12-04T10:00:00Z', to: '2026-12-03T10:00:00Z' }, admin),
    ).toMatchObject({ ok: false, error: { field: 'to', message: expect.stringMatching(/before/) as string } });
  });

  it('shows each connection’s health: last delivery and failures in 24 h', async () => {
    const overview = await platform.invokeAdmin<{ connections: ConnectionView[] }>('admin/overview', {}, admin);
    if (!overview.ok) throw new Error(overview.error.message);
    expect(overview.data.connections[0].health).toMatchObject({ lastDelivery: { state: 'delivered' }, failures24h: 0 });
    expect(overview.data.connections[0].host).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('counts a delivery that is failing and waiting to retry in the connection’s health', async () => {
    const health = async (): Promise<ConnectionView['health']> => dataOf(await platform.invokeAdmin<{ connections: ConnectionView[] }>('admin/overview', {}, admin)).connections[0].health;
    failNext = 1;
    failStatus = 503;
    try {
      await fire('issue-created');
      await eventually(async () => ((await health()).retrying === 1 ? true : undefined), 'the failing delivery counted as retrying');
      // Retried after about 5 s and delivered: nothing is failing any more.
      await eventually(async () => ((await health()).retrying === 0 ? true : undefined), 'the retried delivery no longer counted', 20_000);
    } finally {
      failStatus = 400;
    }
  });

  it('lets a project admin see and redeliver only their project’s deliveries', async () => {
    const pat = platform.users.projectAdmin.accountId;
    const sup = await platform.invokeProject<DeliveryPage>('project/deliveries', { limit: 100 }, pat, 'SUP');
    if (!sup.ok) throw new Error(sup.error.message);
    expect(sup.data.deliveries.length).toBeGreaterThan(0);
    expect(new Set(sup.data.deliveries.map((d) => d.projectKey))).toEqual(new Set(['SUP']));

    const eng = (await list({ issueKey: 'ENG-7' })).deliveries[0];
    const ref = { eventId: eng.eventId, connectionId: eng.connectionId };
    expect(await platform.invokeProject('project/delivery', ref, pat, 'SUP')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await platform.invokeProject('project/redeliver', ref, pat, 'SUP')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const own = sup.data.deliveries[0];
    expect(await platform.invokeProject('project/redeliver', { eventId: own.eventId, connectionId: own.connectionId }, pat, 'SUP')).toMatchObject({
      ok: true,
      data: { state: 'delivered' },
    });
  });

  it('redelivers every failed delivery of a connection since a time, keeping each webhook-id', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    failNext = 3;
    for (let i = 0; i < 3; i++) await fire('issue-created');
    const failed = await eventually(async () => {
      const page = await list({ state: 'failed', from: since });
      return page.deliveries.length === 3 ? page.deliveries : undefined;
    }, 'three failed deliveries');
    listener.requests.length = 0;

    const result = await platform.invokeAdmin('deliveries/redeliverFailed', { connectionId: connection.id, since }, admin);
    expect(result).toEqual({ ok: true, data: { queued: 3, more: false } });
    await listener.waitFor(3);
    expect(listener.requests.map((r) => r.headers['webhook-id']).sort()).toEqual(failed.map((d) => d.eventId).sort());
    await eventually(async () => ((await list({ state: 'failed', from: since })).deliveries.length === 0 ? true : undefined), 'no failed deliveries left');
  });

  it('sends a real issue as a chosen event and shows exactly what was sent', async () => {
    listener.requests.length = 0;
    const result = await platform.invokeAdmin<SendIssueResult>('connections/sendIssue', { id: connection.id, issueKey: 'sup-1', event: 'issue_transitioned' }, admin);
    const answer = dataOf(result);
    expect(answer.result).toMatchObject({ ok: true, verdict: 'connected', status: 200, message: 'Connected: the listener received the issue.' });
    expect(answer.request.headers.Authorization).toBe('Bearer ****');
    const sent = JSON.parse(answer.request.body) as Record<string, unknown>;
    expect(sent).toMatchObject({ webhookEvent: 'jira:issue_updated', issue: { key: 'SUP-1' }, changelog: { items: [expect.objectContaining({ field: 'status' })] } });
    expect(listener.requests[0].body).toBe(answer.request.body);

    expect(await platform.invokeAdmin('connections/sendIssue', { id: connection.id, issueKey: 'SUP-999', event: 'issue_created' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'issueKey' },
    });
  });

  it('searches projects as the calling admin', async () => {
    const all = await platform.invokeAdmin<{ projects: { key: string }[] }>('projects/search', {}, admin);
    expect(all.ok && all.data.projects.map((p) => p.key)).toEqual(expect.arrayContaining(['SUP', 'ENG', 'HR']));
    const some = await platform.invokeAdmin<{ projects: { key: string }[] }>('projects/search', { query: 'engin' }, admin);
    expect(some.ok && some.data.projects.map((p) => p.key)).toEqual(['ENG']);
  });

  it('keeps the first record when Forge delivers the same event twice, so its history is not lost', async () => {
    failNext = 1;
    const event = { ...fixtureEvent('issue-updated-status'), timestamp: String(Date.now() + 0.5) };
    await platform.fireEvent(event);
    const first = await eventually(async () => (await list({ state: 'failed' })).deliveries.find((d) => d.issueKey === 'SUP-1'), 'the failed first delivery');
    await platform.fireEvent(structuredClone(event));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const detail = await platform.invokeAdmin<DeliveryDetail>('deliveries/get', { eventId: first.eventId, connectionId: first.connectionId }, admin);
    expect(detail).toMatchObject({ ok: true, data: { state: 'failed', attempts: 1, createdAt: first.createdAt, attemptLog: [expect.objectContaining({ status: 400 })] } });
  });

  it('sends extra headers and refuses reserved ones at save, naming the row', async () => {
    const base = {
      id: connection.id,
      name: connection.name,
      url: connection.url,
      enabled: true,
      events: connection.events,
      projects: connection.projects,
      rateLimitPerSecond: 5,
    };
    const refused = await platform.invokeAdmin('connections/save', { ...base, headers: [{ name: 'X-Team', value: 'it' }, { name: 'authorization', value: 'Basic x' }] }, admin);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'headers.1.name', message: expect.stringMatching(/API key field/) as string } });
    const hopByHop = await platform.invokeAdmin('connections/save', { ...base, headers: [{ name: 'Transfer-Encoding', value: 'chunked' }] }, admin);
    expect(hopByHop).toMatchObject({ ok: false, error: { field: 'headers.0.name', message: 'The app sets Transfer-Encoding itself: remove this header' } });

    const saved = await platform.invokeAdmin<ConnectionView>('connections/save', { ...base, headers: [{ name: 'X-Team', value: 'it-service-desk' }] }, admin);
    expect(saved).toMatchObject({ ok: true, data: { headers: [{ name: 'X-Team', value: 'it-service-desk' }], token: { set: true, setByName: expect.any(String) as string } } });
    listener.requests.length = 0;
    await fire('issue-created');
    const [request] = await listener.waitFor(1);
    expect(request.headers['x-team']).toBe('it-service-desk');
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);

    // A Jira admin sees the header in the log; a project admin sees that it was sent, not its value.
    const sent = request.headers['webhook-id'] as string;
    const asAdmin = await platform.invokeAdmin<DeliveryDetail>('deliveries/get', { eventId: sent, connectionId: connection.id }, admin);
    expect(asAdmin.ok && asAdmin.data.request.headers['X-Team']).toBe('it-service-desk');
    const pat = platform.users.projectAdmin.accountId;
    const asProjectAdmin = await platform.invokeProject<DeliveryDetail>('project/delivery', { eventId: sent, connectionId: connection.id }, pat, 'SUP');
    expect(asProjectAdmin.ok && asProjectAdmin.data.request.headers['X-Team']).toBe('****');
  });

  it('does not send a real issue that the connection would never get, and says why', async () => {
    const limited = async (name: string, projects: ConnectionView['projects'], conditions?: ConnectionView['conditions']): Promise<ConnectionView> =>
      dataOf(await platform.invokeAdmin<ConnectionView>('connections/save', {
        // Disabled: these exist only for "Send a real issue", not to receive the other tests' events.
        name, url: connection.url, enabled: false, events: ['issue_created'], projects, rateLimitPerSecond: 5, token: TOKEN,
        ...(conditions ? { conditions } : {}),
      }, admin));
    const supportOnly = await limited('Support only', { mode: 'selected', projectKeys: ['SUP'] });
    const optIn = await limited('Opt-in only', { mode: 'optIn' });
    const tasksOnly = await limited('Tasks only', { mode: 'all' }, { issueTypes: ['Task'] });
    const engJql = await limited('Engineering JQL', { mode: 'all' }, { jql: 'project = ENG' });
    listener.requests.length = 0;

    const send = (id: string, issueKey: string, event = 'issue_created') => platform.invokeAdmin<SendIssueResult>('connections/sendIssue', { id, issueKey, event }, admin);
    expect(await send(supportOnly.id, 'ENG-1')).toEqual({ ok: false, error: { code: 'INVALID_INPUT', field: 'issueKey',
      message: 'The relay does not send ENG-1 to Support only: project ENG is not among its projects. Pick an issue this connection covers.' } });
    expect(await send(optIn.id, 'HR-2')).toMatchObject({ ok: false, error: { field: 'issueKey', message: expect.stringContaining('project HR has not opted in to it') as string } });
    // SUP-1 is a Bug in the fake site's seed.
    expect(await send(tasksOnly.id, 'SUP-1')).toMatchObject({ ok: false, error: { field: 'issueKey', message: expect.stringContaining('its issue type (Bug) is not one of Task') as string } });
    expect(await send(engJql.id, 'SUP-1')).toMatchObject({ ok: false, error: { field: 'issueKey', message: expect.stringContaining('does not match the connection’s JQL condition') as string } });
    expect(listener.requests).toHaveLength(0);
    // What the connection does cover still goes, including events that name their issue by id only.
    expect(await send(supportOnly.id, 'SUP-1')).toMatchObject({ ok: true, data: { result: { ok: true } } });
    for (const event of ['worklog_created', 'attachment_created', 'issuelink_created']) {
      expect({ event, answer: await send(supportOnly.id, 'SUP-1', event) }).toMatchObject({ event, answer: { ok: true, data: { result: { ok: true } } } });
    }
    // As the trigger does: a deletion goes whatever the JQL, since a deleted issue matches none.
    expect(await send(engJql.id, 'SUP-1', 'issue_deleted')).toMatchObject({ ok: true, data: { result: { ok: true } } });
  });
});
