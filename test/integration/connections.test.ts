import type { AdminOverview, ConnectionInput, ConnectionView, ProjectOverview, TestConnectionResult } from '../../src/shared/contract';
import { startLoopbackListener, type LoopbackListener } from '../support/loopback-listener';
import { fixtureEvent, startTestPlatform, type TestPlatform } from '../support/platform';

const TOKEN = 'lst_conn_test_token_77aa';

const input = (overrides: Partial<ConnectionInput>): ConnectionInput => ({
  name: 'Support listener',
  url: 'https://api.moveworks.ai/webhooks/v1/listeners/0f8b1a2c-1111-4222-8333-944445555666/notify',
  enabled: true,
  events: ['issue_created', 'issue_updated'],
  projects: { mode: 'all' },
  rateLimitPerSecond: 5,
  token: 'new-api-key-123456',
  ...overrides,
});

describe('connections: save, test, delete and project opt-in', () => {
  let listener: LoopbackListener;
  let platform: TestPlatform;
  let status = 200;
  let admin: string;

  beforeAll(async () => {
    listener = await startLoopbackListener((request) => {
      if (status === 200 && request.headers.authorization !== `Bearer ${TOKEN}`) return { status: 401, body: '' };
      return { status, body: status === 200 ? JSON.stringify({ message: 'Event received successfully', status: 'RECEIVED' }) : '' };
    });
    platform = await startTestPlatform();
    admin = platform.users.admin.accountId;
  });
  afterAll(async () => {
    await platform.close();
    await listener.close();
  });

  const save = (payload: ConnectionInput) => platform.invokeAdmin<ConnectionView>('connections/save', payload, admin);

  it.each([
    [{ url: 'http://api.moveworks.ai/webhooks/v1/listeners/x/notify' }, 'url', /https:\/\//],
    [{ url: 'https://evil.example.com/hook' }, 'url', /may only call https:\/\/api\.moveworks\.ai, https:\/\/\*\.moveworks\.ai/],
    [{ url: 'not a url' }, 'url', /full URL/],
    [{ name: '   ' }, 'name', /Enter a name/],
    [{ events: [] }, 'events', /at least one event/],
    [{ token: undefined }, 'token', /API key/],
    [{ rateLimitPerSecond: 0 }, 'rateLimitPerSecond', /above 0/],
    [{ projects: { mode: 'selected', projectKeys: [] } }, 'projects.projectKeys', /at least one project/],
  ] as const)('refuses bad input %j naming the field', async (overrides, field, message) => {
    const before = await platform.invokeAdmin<AdminOverview>('admin/overview', {}, admin);
    const result = await save(input(overrides as Partial<ConnectionInput>));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field, message: expect.stringMatching(message) as string } });
    expect(await platform.invokeAdmin<AdminOverview>('admin/overview', {}, admin)).toEqual(before);
  });

  it('stores the API key write-only and tests the connection with plain-language verdicts', async () => {
    const created = await save(input({ name: 'Loopback', url: listener.url, token: TOKEN }));
    if (!created.ok) throw new Error(created.error.message);
    expect(created.data.token).toMatchObject({ set: true, setBy: admin });
    expect(JSON.stringify(created)).not.toContain(TOKEN);

    const ok = await platform.invokeAdmin<TestConnectionResult>('connections/test', { id: created.data.id }, admin);
    expect(ok).toMatchObject({ ok: true, data: { ok: true, verdict: 'connected', status: 200 } });
    const request = listener.requests.at(-1);
    expect(request?.headers['x-relay-test']).toBe('true');
    expect(request?.json()).toMatchObject({ webhookEvent: 'relay:connection_test', test: true });

    // Saving without a token keeps the stored one.
    const renamed = await save(input({ id: created.data.id, name: 'Loopback renamed', url: listener.url, token: undefined }));
    expect(renamed).toMatchObject({ ok: true, data: { name: 'Loopback renamed', token: { set: true } } });
    expect(await platform.invokeAdmin('connections/test', { id: created.data.id }, admin)).toMatchObject({ data: { verdict: 'connected' } });

    // A different URL needs the key again: the stored one is never sent to another listener silently.
    const moved = await save(input({ id: created.data.id, name: 'Loopback renamed', url: `${listener.url}?moved=1`, token: undefined }));
    expect(moved).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'token', message: expect.stringMatching(/URL changed/) as string } });

    const wrongKey = await save(input({ id: created.data.id, name: 'Loopback renamed', url: listener.url, token: 'wrong-key-000000' }));
    expect(wrongKey.ok).toBe(true);
    const rejected = await platform.invokeAdmin<TestConnectionResult>('connections/test', { id: created.data.id }, admin);
    expect(rejected).toMatchObject({ ok: true, data: { ok: false, verdict: 'unauthorized', status: 401, message: expect.stringMatching(/rejected the API key/) as string } });

    status = 404;
    const missing = await platform.invokeAdmin<TestConnectionResult>('connections/test', { id: created.data.id }, admin);
    expect(missing).toMatchObject({ data: { verdict: 'not_found', message: expect.stringMatching(/no listener with that id/) as string } });
    status = 200;

    expect(await platform.invokeAdmin('connections/delete', { id: created.data.id }, admin)).toEqual({ ok: true, data: { id: created.data.id } });
    expect(await platform.invokeAdmin('connections/test', { id: created.data.id }, admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('explains an unreachable listener host in plain words', async () => {
    const created = await save(input({ name: 'Moveworks', token: 'mw-key-12345678' }));
    if (!created.ok) throw new Error(created.error.message);
    const result = await platform.invokeAdmin<TestConnectionResult>('connections/test', { id: created.data.id }, admin);
    // This machine has no route to api.moveworks.ai (loopback only): the verdict must still be a plain sentence.
    expect(result).toMatchObject({ ok: true, data: { ok: false, verdict: expect.stringMatching(/^(dns|network|timeout)$/) as string } });
    if (result.ok) expect(result.data.message).toMatch(/Check/);
    await platform.invokeAdmin('connections/delete', { id: created.data.id }, admin);
  });

  it('lets a project admin opt their project in, which routes the next event', async () => {
    const created = await save(input({ name: 'Opt-in listener', url: listener.url, token: TOKEN, projects: { mode: 'optIn' }, events: ['comment_created'] }));
    if (!created.ok) throw new Error(created.error.message);
    const { projectAdmin } = platform.users;
    const project = projectAdmin.projectAdminOf[0];

    const before = await platform.invokeProject<ProjectOverview>('project/overview', {}, projectAdmin.accountId, project);
    expect(before).toMatchObject({ ok: true, data: { connections: expect.arrayContaining([expect.objectContaining({ id: created.data.id, coverage: 'optIn', optedIn: false })]) as unknown } });

    listener.requests.length = 0;
    const comment = fixtureEvent('comment-created');
    comment.timestamp = String(Date.now());
    await platform.fireEvent(comment);
    const optedIn = await platform.invokeProject<ProjectOverview>('project/setOptIn', { connectionId: created.data.id, optedIn: true }, projectAdmin.accountId, project);
    expect(optedIn).toMatchObject({ ok: true, data: { connections: expect.arrayContaining([expect.objectContaining({ id: created.data.id, optedIn: true })]) as unknown } });
    expect(listener.requests).toHaveLength(0);

    comment.timestamp = String(Date.now() + 1);
    await platform.fireEvent(comment);
    const [request] = await listener.waitFor(1);
    expect(request.json()).toMatchObject({ webhookEvent: 'comment_created', issue: { key: 'SUP-1' } });
  });

  it('shows a project admin what narrows a connection’s events, in plain words', async () => {
    const created = await save(input({
      name: 'Narrowed listener', url: listener.url, token: TOKEN, projects: { mode: 'all' }, events: ['issue_updated'], enabled: false,
      conditions: { issueTypes: ['Bug', 'Task'], jql: 'priority = High', changedFields: ['status'], ignoreAccountIds: [platform.users.admin.accountId] },
    }));
    if (!created.ok) throw new Error(created.error.message);
    const { projectAdmin } = platform.users;
    const overview = await platform.invokeProject<ProjectOverview>('project/overview', {}, projectAdmin.accountId, projectAdmin.projectAdminOf[0]);
    const shown = overview.ok ? overview.data.connections.find((c) => c.id === created.data.id) : undefined;
    expect(shown).toMatchObject({
      conditions: [
        'Only issue types: Bug, Task',
        'Only issues matching a JQL condition set by a Jira admin',
        'Updates only when one of these fields changes: status',
        'Ignores changes made by 1 account',
      ],
    });
    expect(shown?.pausedSince).toBeUndefined();
    await platform.invokeAdmin('connections/delete', { id: created.data.id }, platform.users.admin.accountId);
  });
});
