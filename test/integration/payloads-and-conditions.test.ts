import type { ConnectionInput, ConnectionView, PayloadPreview } from '../../src/shared/contract';
import type { LoopbackListener } from '../support/loopback-listener';
import { fixtureEvent, type TestPlatform } from '../support/platform';
import { startListenerPlatform, stopListenerPlatform } from '../support/listener-platform';

const TOKEN = 'lst_payload_token_4d2e';

/** Payload formats and conditions, end to end: what a listener receives for each connection setting. */
describe('payload formats and conditions', () => {
  let listener: LoopbackListener;
  let platform: TestPlatform;
  let admin: string;
  let connection: ConnectionView;

  beforeAll(async () => {
    ({ listener, platform, admin, connection } = await startListenerPlatform(TOKEN));
  });
  afterAll(() => stopListenerPlatform({ listener, platform }));

  const save = async (changes: Partial<ConnectionInput>) => {
    const input: ConnectionInput = {
      id: connection.id,
      name: connection.name,
      url: connection.url,
      enabled: true,
      events: connection.events,
      projects: connection.projects,
      rateLimitPerSecond: 5,
      payload: { format: 'jira' },
      conditions: {},
      ...changes,
    };
    return platform.invokeAdmin<ConnectionView>('connections/save', input, admin);
  };
  const fireAndReceive = async (name: string, overrides: Record<string, unknown> = {}) => {
    listener.requests.length = 0;
    await platform.fireEvent({ ...fixtureEvent(name), timestamp: String(Date.now() + Math.random()), ...overrides });
    const [request] = await listener.waitFor(1);
    return request;
  };
  const fireAndExpectNothing = async (name: string, overrides: Record<string, unknown> = {}) => {
    listener.requests.length = 0;
    await platform.fireEvent({ ...fixtureEvent(name), timestamp: String(Date.now() + Math.random()), ...overrides });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(listener.requests).toHaveLength(0);
  };

  it('sends a custom JSON template with typed values, and always valid JSON whatever the issue holds', async () => {
    const template = '{\n  "key": "{{issue.key}}",\n  "title": "Ticket {{issue.key}}: {{issue.summary}}",\n  "status": "{{issue.status.name}}",\n  "labels": "{{issue.fields.labels}}",\n  "priority": "{{issue.priority.name|none}}"\n}';
    expect(await save({ payload: { format: 'custom', template, encoding: 'json' } })).toMatchObject({ ok: true, data: { payload: { format: 'custom' } } });
    const nasty = 'He said "stop"\nthen \\ left {{issue.key}}';
    const event = fixtureEvent('issue-created');
    const issue = event.issue as { id: string; key: string; fields: Record<string, unknown> };
    const request = await fireAndReceive('issue-created', { issue: { ...issue, id: '55501', key: 'ZZ-1', fields: { ...issue.fields, summary: nasty, labels: ['a', 'b'] } } });
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.json()).toEqual({ key: 'ZZ-1', title: `Ticket ZZ-1: ${nasty}`, status: 'To Do', labels: ['a', 'b'], priority: 'none' });
  });

  it('encodes a flat template as a form', async () => {
    expect(await save({ payload: { format: 'custom', template: '{ "key": "{{issue.key}}", "event": "{{webhookEvent}}" }', encoding: 'form' } })).toMatchObject({ ok: true });
    const request = await fireAndReceive('comment-created');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({ key: 'SUP-1', event: 'comment_created' });
  });

  it('refuses a broken template at save with its line and column, and warns about ${…} in the preview', async () => {
    const broken = await save({ payload: { format: 'custom', template: '{\n  "key": "{{issue.key"\n}', encoding: 'json' } });
    expect(broken).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'payload.template', message: expect.stringMatching(/^Line 2, column \d+: /) as string } });
    const preview = await platform.invokeAdmin<PayloadPreview>(
      'connections/preview',
      { payload: { format: 'custom', template: '{ "key": "${issue.key}" }', encoding: 'json' }, issueKey: 'SUP-1', event: 'issue_updated' },
      admin,
    );
    expect(preview).toMatchObject({ ok: true, data: { body: '{"key":"SUP-1"}', contentType: 'application/json', warnings: [expect.stringMatching(/^Line 1, column \d+: /) as string] } });
  });

  it('sends only the allowed issue fields and a summary of what changed', async () => {
    expect(await save({ payload: { format: 'jira', fields: ['summary', 'status'], includeChanges: true } })).toMatchObject({ ok: true });
    const body = (await fireAndReceive('issue-updated-status')).json() as { issue: { fields: Record<string, unknown> }; changes: unknown };
    expect(Object.keys(body.issue.fields).sort()).toEqual(['status', 'summary']);
    expect(body.changes).toEqual([{ field: 'status', from: 'To Do', to: 'In Progress' }]);
  });

  it('applies issue type, changed-field and ignored-account conditions', async () => {
    expect(await save({ conditions: { issueTypes: ['Bug'], changedFields: ['status'], ignoreAccountIds: ['5b10ac8d82e05b22cc7d4e04'] } })).toMatchObject({
      ok: true,
      data: { ignoredAccounts: [{ accountId: '5b10ac8d82e05b22cc7d4e04', displayName: 'Agent Studio Bot' }] },
    });
    await fireAndReceive('issue-updated-status'); // a Bug whose status changed
    await fireAndExpectNothing('issue-updated-field'); // summary and priority only
    await fireAndExpectNothing('comment-created'); // by the ignored service account
    const event = fixtureEvent('issue-created');
    const issue = event.issue as { fields: Record<string, unknown> };
    await fireAndExpectNothing('issue-created', { issue: { ...issue, fields: { ...issue.fields, issuetype: { name: 'Story' } } } });
  });

  it('checks a JQL condition with Jira, and refuses JQL Jira does not accept', async () => {
    expect(await save({ conditions: { jql: 'project = ENG' } })).toMatchObject({ ok: true, data: { conditions: { jql: 'project = ENG' } } });
    await fireAndExpectNothing('issue-created'); // SUP-1
    expect(await save({ conditions: { jql: 'project = SUP' } })).toMatchObject({ ok: true });
    await fireAndReceive('issue-created');
    expect(await save({ conditions: { jql: 'project = = ' } })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'conditions.jql' } });
  });
});
