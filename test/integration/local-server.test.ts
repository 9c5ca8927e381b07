/**
 * The local platform's HTTP server: the sample listener behaves like an Agent Studio listener, and the
 * scripting contract (/api/...) works against the real runtime running the app.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { createSampleListener, type ListenerRequestRecord } from '../../local/server/sample-listener';
import { startLocalPlatform, type LocalPlatform } from '../../local/server/start-local-platform';

interface FakeStyle {
  textContent: string;
  dataset: Record<string, string>;
}
interface LoadedBridge {
  callBridge(cmd: string, payload?: unknown): Promise<unknown>;
  html: Record<string, string>;
  styles: FakeStyle[];
  /** Delivers a message from the parent window (the shell), as postMessage would. */
  fromShell(data: unknown): void;
}

/** Runs the injected bridge script of a served page against a minimal DOM, with fetch going to `origin`. */
function loadBridge(page: string, origin: string): LoadedBridge {
  const script = /<script>\s*(\(function \(\) \{[\s\S]*?window\.__bridge[\s\S]*?\}\)\(\);)\s*<\/script>/.exec(page)?.[1];
  if (!script) throw new Error('no bridge script in the page');
  const html: Record<string, string> = {};
  const styles: FakeStyle[] = [];
  const onMessage: Array<(e: { origin: string; source: unknown; data: unknown }) => void> = [];
  const parent = { postMessage: (): void => undefined };
  const win: { __bridge?: { callBridge(cmd: string, payload?: unknown): Promise<unknown> } } & Record<string, unknown> = {
    location: { origin, href: `${origin}/app/` },
    parent,
    addEventListener: (type: string, cb: (e: { origin: string; source: unknown; data: unknown }) => void) => void (type === 'message' && onMessage.push(cb)),
  };
  const document = {
    documentElement: { setAttribute: (name: string, value: string) => void (html[name] = value) },
    head: {
      querySelector: (selector: string) => styles.find((st) => selector === `style[data-theme="${st.dataset.theme}"]`) ?? null,
      appendChild: (st: FakeStyle) => void styles.push(st),
    },
    createElement: (): FakeStyle => ({ textContent: '', dataset: {} }),
  };
  const fetchFromOrigin = (url: string, init?: RequestInit): Promise<Response> => fetch(new URL(url, origin), init);
  runInContext(script, createContext({ window: win, document, fetch: fetchFromOrigin, history: { state: null, replaceState: (): void => undefined }, URL, Intl, console }));
  const bridge = win.__bridge;
  if (!bridge) throw new Error('the script did not install window.__bridge');
  return {
    callBridge: (cmd, payload) => bridge.callBridge(cmd, payload),
    html,
    styles,
    fromShell: (data) => onMessage.forEach((cb) => cb({ origin, source: parent, data })),
  };
}

const notify = (token: string | undefined, body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) },
  body,
});

describe('sample listener', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sample-listener-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers like Agent Studio: 200 with the right token, 401 without, 404 for an unknown id, 413 over 1 MB', async () => {
    const l = await createSampleListener(dir);
    const path = `/listener/${l.listenerId}/notify`;
    const ok = await l.routes.request(path, notify(l.token, '{"a":1}'));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ message: 'Event received successfully', status: 'RECEIVED' });
    expect((await l.routes.request(path, notify(undefined, '{}'))).status).toBe(401);
    expect((await l.routes.request(path, notify(`${l.token}x`, '{}'))).status).toBe(401);
    expect((await l.routes.request(path, notify(l.token.slice(0, -1), '{}'))).status).toBe(401);
    const unknown = await l.routes.request('/listener/00000000-0000-4000-8000-000000000000/notify', notify(l.token, '{}'));
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe('');
    const big = JSON.stringify({ pad: 'x'.repeat(1024 * 1024) });
    expect((await l.routes.request(path, notify(l.token, big))).status).toBe(413);
  });

  it('answers 503 to the next N requests when told to, then recovers', async () => {
    const l = await createSampleListener(dir);
    const path = `/listener/${l.listenerId}/notify`;
    l.failNext(2);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await l.routes.request(path, notify(l.token, '{}'))).status);
    expect(statuses).toEqual([503, 503, 200]);
  });

  it('records requests newest first with the Authorization header masked, and keeps its identity across restarts', async () => {
    const l = await createSampleListener(dir);
    await l.routes.request(`/listener/${l.listenerId}/notify`, notify(l.token, '{"n":1}'));
    await l.routes.request(`/listener/${l.listenerId}/notify`, notify(l.token, '{"n":2}'));
    const [latest, first] = l.requests();
    expect(latest.body).toEqual({ n: 2 });
    expect(first.body).toEqual({ n: 1 });
    expect(latest.headers.authorization).toBe(`Bearer ****${l.token.slice(-4)}`);
    expect(JSON.stringify(l.requests())).not.toContain(l.token);
    l.clear();
    expect(l.requests()).toEqual([]);
    const again = await createSampleListener(dir);
    expect({ id: again.listenerId, same: again.token === l.token }).toEqual({ id: l.listenerId, same: true });
  });
});

describe('local platform server', () => {
  let dir: string;
  let platform: LocalPlatform;
  const appRoot = join(__dirname, '..', '..');

  const api = async (path: string, init?: RequestInit): Promise<{ status: number; json: unknown; text: string }> => {
    const res = await fetch(`${platform.url}${path}`, init);
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, json, text };
  };
  const postJson = (body: unknown): RequestInit => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-platform-'));
    platform = await startLocalPlatform({ port: 0, dataDir: dir, appRoot, quiet: true, timeScale: 100 });
  });
  afterAll(async () => {
    await platform.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('listens on loopback only and seeds the first connection at the sample listener', () => {
    expect(platform.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(platform.seed).toMatchObject({ action: 'created', connection: { name: 'Agent Studio listener', url: platform.sampleListener.url(platform.url), rateLimitPerSecond: 5, token: { set: true } } });
  });

  it('GET /api/users lists the seeded identities and their roles', async () => {
    const r = await api('/api/users');
    expect(r.status).toBe(200);
    const users = r.json as Array<Record<string, unknown>>;
    expect(users.map(({ accountId, ...rest }) => (typeof accountId === 'string' && accountId.length > 0 ? rest : { badAccountId: accountId }))).toEqual([
      { displayName: 'Alice Admin', siteAdmin: true, projectAdminOf: [] },
      { displayName: 'Pat Project-Admin', siteAdmin: false, projectAdminOf: ['SUP'] },
      { displayName: 'Uma User', siteAdmin: false, projectAdminOf: [] },
      { displayName: 'Agent Studio Bot', siteAdmin: false, projectAdminOf: [], serviceAccount: true },
    ]);
  });

  it('GET /api/resolvers lists both pages and /api/invoke calls them as the given user', async () => {
    const r = await api('/api/resolvers');
    const lists = r.json as Record<string, string[]>;
    expect(lists['relay-admin-page']).toEqual(expect.arrayContaining<string>(['connections/save', 'admin/overview']));
    expect(lists['relay-project-settings-page']).toContain('project/overview');
    const users = (await api('/api/users')).json as Array<{ accountId: string; siteAdmin: boolean }>;
    const admin = users.find((u) => u.siteAdmin)?.accountId;
    const plain = users.find((u) => !u.siteAdmin)?.accountId;
    const asAdmin = await api('/api/invoke', postJson({ moduleKey: 'relay-admin-page', functionKey: 'admin/overview', payload: {}, accountId: admin }));
    expect(asAdmin.json).toMatchObject({ ok: true, data: { connections: [{ name: 'Agent Studio listener' }] } });
    expect(asAdmin.text).not.toContain(platform.sampleListener.token);
    const asPlain = await api('/api/invoke', postJson({ moduleKey: 'relay-admin-page', functionKey: 'admin/overview', payload: {}, accountId: plain }));
    expect(asPlain.json).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await api('/api/invoke', postJson({ moduleKey: 'relay-admin-page' }))).status).toBe(400);
    expect((await api('/api/invoke', postJson({ moduleKey: 'nope', functionKey: 'x', accountId: 'a' }))).status).toBe(404);
  });

  it('POST /api/events dispatches a fixture to the trigger, which delivers to the sample listener (token masked in the inbox)', async () => {
    await api('/api/listener/requests', { method: 'DELETE' });
    const event = await readFile(join(__dirname, '..', 'fixtures', 'forge-events', 'comment-created.json'), 'utf8');
    const r = await api('/api/events', { method: 'POST', headers: { 'content-type': 'application/json' }, body: event });
    expect(r.status).toBe(202);
    expect(r.json).toMatchObject({ eventType: 'avi:jira:commented:issue', reports: [{ moduleKey: 'relay-issue-events', retryCount: 0 }] });
    await platform.forge.idle(10_000);
    const inbox = (await api('/api/listener/requests')).json as ListenerRequestRecord[];
    expect(inbox.length).toBeGreaterThanOrEqual(1);
    expect(inbox[0]).toMatchObject({ method: 'POST', status: 200, headers: { authorization: `Bearer ****${platform.sampleListener.token.slice(-4)}` } });
    expect(JSON.stringify(inbox)).not.toContain(platform.sampleListener.token);
    expect(((await api('/api/metrics')).json as { invocations: number }).invocations).toBeGreaterThan(0);
    expect((await api('/api/listener/requests', { method: 'DELETE' })).status).toBe(204);
    expect((await api('/api/listener/requests')).json).toEqual([]);
    expect((await api('/api/events', postJson({ issue: {} }))).status).toBe(400);
  });

  it('runs simulator operations as the given user and reports the trigger outcome', async () => {
    const users = (await api('/api/users')).json as Array<{ accountId: string; displayName: string }>;
    const uma = users.find((u) => u.displayName === 'Uma User')?.accountId;
    const r = await api('/api/site/issues/ENG-1/comments', postJson({ accountId: uma, body: 'from the simulator' }));
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ events: [{ eventType: 'avi:jira:commented:issue', atlassianId: uma }], reports: [[{ moduleKey: 'relay-issue-events' }]] });
    const denied = await api('/api/site/issues/SUP-1/delete', postJson({ accountId: uma }));
    expect(denied.status).toBe(403);
    expect((await api('/api/site/issues/SUP-1/transition', postJson({ accountId: uma }))).status).toBe(400);
  });

  it('POST /api/listener/fail validates its body and arms the 503 switch', async () => {
    expect((await api('/api/listener/fail', postJson({ count: -1 }))).status).toBe(400);
    expect((await api('/api/listener/fail', postJson({ count: 1 }))).json).toEqual({ failNext: 1 });
    const l = platform.sampleListener;
    const res = await fetch(l.url(platform.url), notify(l.token, '{}'));
    expect(res.status).toBe(503);
    expect((await fetch(l.url(platform.url), notify(l.token, '{}'))).status).toBe(200);
  });

  it('serves the Custom UI with the bridge injected before the app script', async () => {
    const r = await api('/app/?module=relay-project-settings-page&project=ENG&as=someone');
    expect(r.status).toBe(200);
    const bridgeAt = r.text.indexOf('window.__bridge');
    const appScriptAt = r.text.search(/<script[^>]+src=/);
    expect(bridgeAt).toBeGreaterThan(-1);
    expect(appScriptAt).toBeGreaterThan(bridgeAt);
    expect(r.text).toContain('"type":"jira:projectSettingsPage","project":{"id":"10001","key":"ENG"');
    expect((await api('/app/?module=unknown')).status).toBe(404);
    expect((await api('/')).text).toContain('View as');
    expect((await api('/api/nothing-here')).status).toBe(404);
  });

  it('serves the @atlaskit/tokens theme CSS under /app/__tokens/', async () => {
    const dark = await fetch(`${platform.url}/app/__tokens/dark.css`);
    expect(dark.status).toBe(200);
    expect(dark.headers.get('content-type')).toContain('text/css');
    const css = await dark.text();
    expect(css).toContain('html[data-color-mode="dark"][data-theme~="dark:dark"]');
    expect(css).toMatch(/--ds-surface: #[0-9A-F]{6};/);
    expect(await (await fetch(`${platform.url}/app/__tokens/spacing.css`)).text()).toContain('--ds-space-100');
    expect((await api('/app/__tokens/neon.css')).status).toBe(404);
    expect((await api('/app/__tokens/..%2Fpackage.json')).status).toBe(404);
  });

  it('answers view.theme.enable() as Jira does: token CSS as <style data-theme>, then data-theme and data-color-mode on <html>', async () => {
    const page = await api('/app/?module=relay-admin-page&theme=dark');
    const b = loadBridge(page.text, platform.url);
    expect(b.html).toEqual({});
    expect(await b.callBridge('getContext')).toMatchObject({ moduleKey: 'relay-admin-page', theme: { colorMode: 'dark' }, surfaceColor: '#1F1F21' });
    await expect(b.callBridge('enableTheming')).resolves.toBeUndefined();
    expect(b.html).toEqual({ 'data-theme': 'dark:dark light:light motion:motion shape:shape spacing:spacing typography:typography', 'data-color-mode': 'dark' });
    expect(b.styles.map((st) => st.dataset.theme)).toEqual(['dark', 'spacing', 'typography', 'shape', 'motion']);
    expect(b.styles[0].textContent).toContain('[data-color-mode="dark"][data-theme~="dark:dark"]');
    await b.callBridge('enableTheming');
    expect(b.styles).toHaveLength(5);

    // The shell's theme switch reaches an open app without a reload.
    b.fromShell({ source: 'relay-local-shell', type: 'theme', colorMode: 'light' });
    await new Promise((done) => setTimeout(done, 200));
    expect(b.html['data-color-mode']).toBe('light');
    expect(b.styles.map((st) => st.dataset.theme)).toContain('light');
    expect(await b.callBridge('getContext')).toMatchObject({ theme: { colorMode: 'light' }, surfaceColor: '#FFFFFF' });
    b.fromShell({ source: 'someone-else', type: 'theme', colorMode: 'dark' });
    expect(b.html['data-color-mode']).toBe('light');

    const light = loadBridge((await api('/app/?module=relay-admin-page')).text, platform.url);
    expect(await light.callBridge('getContext')).toMatchObject({ theme: { colorMode: 'light' } });
  });

  it('lets the shell, simulator and inbox follow the theme with the same tokens', async () => {
    const shell = (await api('/')).text;
    expect(shell).toContain('<select id="theme" aria-label="Theme"><option value="light">Light</option><option value="dark">Dark</option></select>');
    expect(shell).toContain('relay.theme');
    expect(shell).toContain('<link rel="stylesheet" href="/app/__tokens/dark.css"');
    const sim = (await api('/simulator?theme=dark')).text;
    expect(sim).toContain('<html lang="en" data-theme="dark:dark light:light motion:motion shape:shape spacing:spacing typography:typography" data-color-mode="dark">');
    expect(sim).toContain("source !== 'relay-local-shell'");
    expect((await api('/inbox')).text).toContain('data-color-mode="light"');
  });
});

describe('seeding the first connection from LISTENER_URL and LISTENER_TOKEN', () => {
  const appRoot = join(__dirname, '..', '..');
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-seed-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const start = (listener?: { url: string; token: string }): Promise<LocalPlatform> => startLocalPlatform({ port: 0, dataDir: dir, appRoot, quiet: true, listener });
  const restart = async (listener?: { url: string; token: string }): Promise<LocalPlatform['seed']> => {
    const p = await start(listener);
    await p.close();
    return p.seed;
  };

  it('never sends a stored token to a new URL: a URL change without LISTENER_TOKEN refuses to start', async () => {
    expect(await restart({ url: 'http://127.0.0.1:9/a', token: 'token-for-a' })).toMatchObject({ action: 'created', connection: { url: 'http://127.0.0.1:9/a' } });
    const refused = await start({ url: 'http://127.0.0.1:9/b', token: '' }).then(
      (p) => p.close().then(() => 'started'),
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
    expect(refused).toMatch(/LISTENER_TOKEN/);
    expect(refused).not.toContain('token-for-a');
    // Refusing changed nothing, and the same URL without a token keeps the stored one.
    expect(await restart({ url: 'http://127.0.0.1:9/a', token: '' })).toMatchObject({ action: 'kept', connection: { url: 'http://127.0.0.1:9/a', token: { set: true } } });
    expect(await restart({ url: 'http://127.0.0.1:9/b', token: 'token-for-b' })).toMatchObject({ action: 'updated', connection: { url: 'http://127.0.0.1:9/b', token: { set: true } } });
    expect(await restart()).toMatchObject({ action: 'kept', connection: { url: 'http://127.0.0.1:9/b' } });
  });
});
