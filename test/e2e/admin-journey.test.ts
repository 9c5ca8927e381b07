import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium, screenshotPath } from '../support/browser';
import { startTestPlatform, type TestPlatform } from '../support/platform';

/**
 * A Jira admin configures the connection on the admin page, tests it, fires an event from the
 * simulator and finds it in the sample listener's inbox; a project admin and a plain user see
 * what they may. Runs the built UI on the local platform in headless Chromium.
 */
describe('admin and project admin journeys in Chromium', () => {
  let platform: TestPlatform;
  let browser: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform();
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const frame = (): FrameLocator => page.frameLocator('#frame');

  async function open(view: 'admin' | 'project' | 'simulator' | 'inbox', accountId: string, project?: string): Promise<void> {
    await page.goto(`${platform.url}/`);
    await page.selectOption('#as', accountId);
    if (project) await page.selectOption('#project', project);
    await page.click(`nav a[data-view="${view}"]`);
  }

  it('lets a Jira admin edit, save and test the connection', async () => {
    await open('admin', platform.users.admin.accountId);
    const app = frame();
    const name = app.getByTestId('connection-name');
    await name.waitFor({ timeout: 20_000 });
    await name.fill('Service desk agent');
    await app.getByTestId('save-connection').click();
    await app.getByTestId('save-result').waitFor();
    await expectText(app.getByTestId('save-result'), /saved/i);

    await app.getByTestId('test-connection').click();
    const verdict = app.getByTestId('test-result');
    await verdict.waitFor({ timeout: 15_000 });
    await expectText(verdict, /Connected/);
    await expectText(verdict, /200/);
    await page.screenshot({ path: screenshotPath('admin-page-connected'), fullPage: true });
  });

  it('shows a field error next to the URL and keeps the saved connection', async () => {
    const app = frame();
    await app.getByTestId('connection-url').fill('http://hooks.example.com/notify');
    await app.getByTestId('save-connection').click();
    await expectText(app.locator('form'), /must start with https:\/\//);
    await page.screenshot({ path: screenshotPath('admin-page-field-error'), fullPage: true });
    const overview = await platform.invokeAdmin<{ connections: { url: string; name: string }[] }>('admin/overview', {}, platform.users.admin.accountId);
    expect(overview.ok && overview.data.connections[0].url).toMatch(/^http:\/\/127\.0\.0\.1/);
    expect(overview.ok && overview.data.connections[0].name).toBe('Service desk agent');
  });

  it('forwards a simulated transition to the sample listener and shows it in the inbox and the delivery log', async () => {
    await platform.api('/api/listener/requests', { method: 'DELETE' });
    await open('simulator', platform.users.admin.accountId);
    const sim = frame();
    await sim.locator('#issue option').first().waitFor({ state: 'attached', timeout: 15_000 });
    await sim.locator('#tStatus').selectOption('In Progress');
    await sim.locator('button[data-op="transition"]').click();
    await expectText(sim.locator('#outcome'), /avi:jira:updated:issue/);
    await page.screenshot({ path: screenshotPath('event-simulator'), fullPage: true });

    await open('inbox', platform.users.admin.accountId);
    const inbox = frame();
    await expectText(inbox.locator('#list'), /jira:issue_updated/, 15_000);
    await expectText(inbox.locator('#list'), /SUP-1/);
    const received = await platform.api<{ headers: Record<string, string>; body: { webhookEvent: string } }[]>('/api/listener/requests');
    expect(received.json[0]).toMatchObject({ body: { webhookEvent: 'jira:issue_updated' }, headers: { authorization: expect.stringMatching(/^Bearer \*{4}/) as string } });
    await page.screenshot({ path: screenshotPath('sample-listener-inbox'), fullPage: true });

    await open('admin', platform.users.admin.accountId);
    const table = frame().getByTestId('deliveries-table');
    await expectText(table, /jira:issue_updated/, 15_000);
    await expectText(table, /delivered/i);
  });

  it('shows a project admin the connections covering their project', async () => {
    const { projectAdmin } = platform.users;
    await open('project', projectAdmin.accountId, projectAdmin.projectAdminOf[0]);
    const list = frame().getByTestId('project-connections');
    await expectText(list, /Service desk agent/, 20_000);
    await page.screenshot({ path: screenshotPath('project-settings-page'), fullPage: true });
  });

  it('tells a user without admin rights that the admin page is not for them', async () => {
    await open('admin', platform.users.plain.accountId);
    await expectText(frame().locator('body'), /Only Jira administrators/, 20_000);
    await page.screenshot({ path: screenshotPath('admin-page-forbidden'), fullPage: true });
    expect(errors).toEqual([]);
  });
});

async function expectText(locator: ReturnType<FrameLocator['locator']>, pattern: RegExp, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.first().innerText().catch(() => '')) ?? '';
    if (pattern.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Expected ${String(pattern)} but the element shows: ${text.slice(0, 500)}`);
}
