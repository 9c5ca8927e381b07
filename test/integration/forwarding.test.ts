import type { DeliveryView } from '../../src/shared/contract';
import { receivedReply, startLoopbackListener, type LoopbackListener } from '../support/loopback-listener';
import { eventually } from '../support/eventually';
import { fixtureEvent, startTestPlatform, type TestPlatform } from '../support/platform';
import { dataOf } from '../support/resolver-data';

const TOKEN = 'lst_test_token_5f2a9c81d7';

describe('forwarding Jira events to a listener on the local platform', () => {
  let listener: LoopbackListener;
  let platform: TestPlatform;
  let replies: ('ok' | 'unavailable')[] = [];

  beforeAll(async () => {
    listener = await startLoopbackListener(() => (replies.shift() === 'unavailable' ? { status: 503, body: 'busy' } : receivedReply()));
    // TIME_SCALE 300: Forge's 15 s retry delay passes in 50 ms.
    platform = await startTestPlatform({ listener: { url: listener.url, token: TOKEN }, timeScale: 300 });
  });

  afterAll(async () => {
    await platform.close();
    await listener.close();
  });

  beforeEach(() => {
    listener.requests.length = 0;
    replies = [];
  });

  it('POSTs a status transition with the Bearer token, Standard Webhooks headers and the full issue', async () => {
    await platform.fireEvent(fixtureEvent('issue-updated-status'));
    const [request] = await listener.waitFor(1);
    expect(request.method).toBe('POST');
    expect(request.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['user-agent']).toMatch(/^AgentStudioRelay\/\d+\.\d+\.\d+/);
    expect(request.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(Number(request.headers['webhook-timestamp'])).toBeGreaterThan(1_700_000_000);

    const body = request.json();
    expect(body).toMatchObject({
      eventId: request.headers['webhook-id'],
      webhookEvent: 'jira:issue_updated',
      issue_event_type_name: 'issue_generic',
      user: { accountId: '5b10ac8d82e05b22cc7d4e02' },
      issue: { id: '10001', key: 'SUP-1' },
      changelog: { items: [expect.objectContaining({ field: 'status', fromString: 'To Do', toString: 'In Progress' })] },
      issueFetched: true,
    });
    const issue = body.issue as { self: string; fields: Record<string, unknown> };
    expect(issue.self).toMatch(/\/rest\/api\/2\/issue\/10001$/);
    // Fields beyond the event's subset prove the issue was fetched from Jira.
    expect(issue.fields).toHaveProperty('priority');
    expect(issue.fields).toHaveProperty('description');
  });

  it('gives the same webhook-id to the same Forge event delivered twice', async () => {
    const event = fixtureEvent('comment-created');
    await platform.fireEvent(event);
    await platform.fireEvent(structuredClone(event));
    const [first, second] = await listener.waitFor(2);
    expect(first.headers['webhook-id']).toBe(second.headers['webhook-id']);
    expect(first.json().webhookEvent).toBe('comment_created');
  });

  it('forwards every subscribed event type with Jira’s webhookEvent names', async () => {
    const names = ['issue-created', 'issue-updated-field', 'issue-assigned', 'comment-updated', 'comment-deleted'];
    for (const name of names) await platform.fireEvent(fixtureEvent(name));
    const received = await listener.waitFor(names.length);
    expect(received.map((r) => `${String(r.json().webhookEvent)}/${String(r.json().issue_event_type_name)}`).sort()).toEqual([
      'comment_deleted/issue_comment_deleted',
      'comment_updated/issue_comment_edited',
      'jira:issue_created/issue_created',
      'jira:issue_updated/issue_assigned',
      'jira:issue_updated/issue_updated',
    ]);
  });

  it('sends the event’s own fields when the issue is unknown to the site', async () => {
    const event = fixtureEvent('issue-created');
    const issue = event.issue as { id: string; key: string; fields: Record<string, unknown> };
    event.issue = { ...issue, id: '987654', key: 'ZZZ-9', fields: { ...issue.fields, project: { id: '55555', key: 'ZZZ', name: 'Unknown' } } };
    event.timestamp = String(Date.now());
    await platform.fireEvent(event);
    const [request] = await listener.waitFor(1);
    expect(request.json()).toMatchObject({
      webhookEvent: 'jira:issue_created',
      issue: { id: '987654', key: 'ZZZ-9', fields: { summary: issue.fields.summary, project: { key: 'ZZZ' } } },
      issueFetched: false,
    });
  });

  it('sends a deleted issue with the fields the event carried', async () => {
    await platform.fireEvent(fixtureEvent('issue-deleted'));
    const [request] = await listener.waitFor(1);
    expect(request.json()).toMatchObject({ webhookEvent: 'jira:issue_deleted', issue: { key: 'SUP-1' }, issueFetched: false });
  });

  it('retries after a 503 with the same webhook-id and records both attempts', async () => {
    replies = ['unavailable'];
    const event = fixtureEvent('issue-updated-field');
    event.timestamp = String(Date.now());
    await platform.fireEvent(event);
    const [failed, retried] = await listener.waitFor(2, 20_000);
    expect(retried.headers['webhook-id']).toBe(failed.headers['webhook-id']);
    expect(retried.json().eventId).toBe(failed.json().eventId);

    // The record is written after the listener answers, so wait for the retry's outcome to land.
    const delivery = await eventually(async () => {
      const result = await platform.invokeAdmin<{ deliveries: DeliveryView[] }>('deliveries/list', { limit: 10 }, platform.users.admin.accountId);
      const found = dataOf(result).deliveries.find((d) => d.eventId === failed.headers['webhook-id']);
      return found?.attempts === 2 ? found : undefined;
    }, 'the retried delivery record');
    expect(delivery).toMatchObject({ state: 'delivered', status: 200, attempts: 2, issueKey: 'SUP-1' });
  });

  it('costs one invocation, one Jira GET, one POST, one KVS write and no KVS read per warm event', async () => {
    type Metrics = Record<'invocations' | 'kvsReads' | 'kvsWrites' | 'queuePushes' | 'egressRequests' | 'jiraRequests', number>;
    const metrics = async (): Promise<Metrics> => (await platform.api<Metrics>('/api/metrics')).json;
    const fire = async (offset: number): Promise<void> => {
      const event = fixtureEvent('issue-updated-field');
      event.timestamp = String(Date.now() + offset);
      await platform.fireEvent(event);
    };
    await fire(0); // warms the configuration cache
    await listener.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const before = await metrics();
    await fire(1);
    await listener.waitFor(2);
    let after = await metrics();
    for (let i = 0; i < 50 && after.kvsWrites === before.kvsWrites; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await metrics();
    }
    expect({
      invocations: after.invocations - before.invocations,
      kvsReads: after.kvsReads - before.kvsReads,
      kvsWrites: after.kvsWrites - before.kvsWrites,
      queuePushes: after.queuePushes - before.queuePushes,
      egressRequests: after.egressRequests - before.egressRequests,
      jiraRequests: after.jiraRequests - before.jiraRequests,
    }).toEqual({ invocations: 1, kvsReads: 0, kvsWrites: 1, queuePushes: 0, egressRequests: 1, jiraRequests: 1 });
  });

  it('never lets the token reach logs or delivery records', async () => {
    await platform.fireEvent(fixtureEvent('issue-created'));
    await listener.waitFor(1);
    const result = await platform.invokeAdmin('deliveries/list', { limit: 50 }, platform.users.admin.accountId);
    const overview = await platform.invokeAdmin('admin/overview', {}, platform.users.admin.accountId);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(JSON.stringify(overview)).not.toContain(TOKEN);
    expect(platform.logs.length).toBeGreaterThan(0);
    expect(platform.logs.join('\n')).not.toContain(TOKEN);
  });
});
