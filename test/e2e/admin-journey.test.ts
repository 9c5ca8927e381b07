import type { FrameLocator } from 'playwright-core';
import { screenshotPath } from '../support/browser';
import { useE2eSession } from '../support/e2e-session';
import { adminOverview, connectionByName } from '../support/relay-probe';
import { eventually } from '../support/eventually';
import { axeViolations, expectText, frameBackground, openConnectionTab, openView, screenshotBothThemes, setTheme } from '../support/relay-ui';

/**
 * A Jira admin manages connections on the admin page: the list, create (with field errors), test,
 * send a real issue, edit, the list's Enabled toggle and delete. Runs the built UI on the local
 * platform in headless Chromium, against a loopback listener written for the tests.
 */
describe('admin page in Chromium', () => {
  const session = useE2eSession({ listener: true });
  const overview = () => adminOverview(session.platform);
  const byName = (name: string) => connectionByName(session.platform, name);

  async function openAdmin(): Promise<FrameLocator> {
    const app = await openView(session.page, session.platform.url, 'admin', session.admin());
    await app.getByTestId('connections--table').waitFor({ timeout: 20_000 });
    return app;
  }

  it('lists the seeded connection with its host, scope and health, in light and dark theme, with no serious accessibility problems', async () => {
    const app = await openAdmin();
    const [seeded] = (await overview()).connections;
    const row = app.getByTestId(`connection-row-${seeded.id}`);
    await expectText(row, new RegExp(seeded.name));
    await expectText(row, /127\.0\.0\.1/);
    await expectText(row, /All projects/);
    await expectText(row, /No deliveries yet/);
    await expectText(app.getByTestId('deliveries-table'), /No deliveries yet/);

    expect(await axeViolations(session.page)).toEqual([]);
    await screenshotBothThemes(session.page, 'admin-page');
    // The dark screenshot must really be dark: the app's own background changes with the theme.
    const light = await frameBackground(session.page);
    await setTheme(session.page, 'dark');
    expect(await frameBackground(session.page)).not.toBe(light);
    await setTheme(session.page, 'light');
  });

  it('shows field errors next to the fields and saves nothing while they remain', async () => {
    const app = await openAdmin();
    const before = (await overview()).connections.length;
    await app.getByTestId('create-connection').click();
    const form = app.getByTestId('connection-form');
    await form.waitFor();

    // Before a save, plain http to a listener path is named as the problem (not the path).
    await app.getByTestId('connection-url').fill('http://api.moveworks.ai/webhooks/v1/listeners/0f8b1a2c-1111-4222-8333-944445555666/notify');
    const hint = await expectText(app.getByTestId('connection-url-warning'), /must start with https:\/\//);
    expect(hint).not.toMatch(/does not look like/);

    // Every mistake the page can see is reported by one save, before any request, each next to its field:
    // an empty name, plain http, a short key and a rate of 0.
    await app.getByTestId('connection-url').fill('http://hooks.example.com/x');
    await app.getByTestId('connection-token').fill('s3cret');
    await app.getByTestId('connection-rate-limit').fill('0');
    await app.getByTestId('save-connection').click();
    await expectText(app.getByTestId('connection-name-error'), /name/i);
    await expectText(app.getByTestId('connection-url-error'), /must start with https:\/\//);
    await expectText(app.getByTestId('connection-token-error'), /too short/);
    await expectText(app.getByTestId('connection-rate-limit-error'), /greater than 0/);

    // Fixed one by one, each error goes; the URL's stays until the URL is fixed.
    await app.getByTestId('connection-name').fill('Broken listener');
    await app.getByTestId('connection-token').fill('s3cret-key');
    await app.getByTestId('connection-rate-limit').fill('5');
    await app.getByTestId('save-connection').click();
    await expectText(app.getByTestId('connection-url-error'), /https/i);
    await expect(app.getByTestId('connection-name-error').count()).resolves.toBe(0);
    await expect(app.getByTestId('connection-token-error').count()).resolves.toBe(0);

    // A host the manifest does not allow.
    await app.getByTestId('connection-url').fill('https://hooks.example.com/x');
    await expectText(app.getByTestId('connection-url-warning'), /webhooks\/v1\/listeners/);
    await app.getByTestId('save-connection').click();
    await expectText(app.getByTestId('connection-url-error'), /may only call https:\/\/api\.moveworks\.ai/);

    // Authorization as an extra header: refused next to that row.
    await app.getByTestId('connection-url').fill(session.listener.url);
    await app.getByTestId('add-header').click();
    await app.getByTestId('header-0-name').fill('Authorization');
    await app.getByTestId('header-0-value').fill('Bearer other');
    await app.getByTestId('save-connection').click();
    await expectText(app.getByTestId('header-0-name-error'), /Authorization/);
    await expect(app.getByTestId('connection-url-error').count()).resolves.toBe(0);

    expect(await axeViolations(session.page)).toEqual([]);
    await screenshotBothThemes(session.page, 'admin-connection-form-errors');

    await app.getByTestId('cancel-connection').click();
    await form.waitFor({ state: 'detached' });
    expect((await overview()).connections.length).toBe(before);
    expect(await byName('Broken listener')).toBeUndefined();
  });

  it('creates a connection for selected projects with an extra header', async () => {
    const app = await openAdmin();
    await app.getByTestId('create-connection').click();
    await app.getByTestId('connection-name').fill('Support triage agent');
    await app.getByTestId('connection-url').fill(session.listener.url);
    await app.getByTestId('connection-token').fill('listener-key-1');
    await app.getByTestId('event-comment_deleted--checkbox-label').click();
    await app.getByTestId('projects-selected--radio-label').click();
    const picker = app.locator('#connection-project-keys');
    await picker.fill('Support');
    await app.getByText('Customer Support (SUP)').click();
    await app.getByTestId('add-header').click();
    await app.getByTestId('header-0-name').fill('X-Team');
    await app.getByTestId('header-0-value').fill('support');
    await screenshotBothThemes(session.page, 'admin-connection-form');
    await app.getByTestId('save-connection').click();
    await app.getByTestId('connection-form').waitFor({ state: 'detached' });

    const saved = await byName('Support triage agent');
    expect(saved).toMatchObject({
      url: session.listener.url,
      projects: { mode: 'selected', projectKeys: ['SUP'] },
      headers: [{ name: 'X-Team', value: 'support' }],
      token: { set: true },
    });
    expect(saved?.events).not.toContain('comment_deleted');
    const row = app.getByTestId(`connection-row-${saved?.id ?? ''}`);
    await expectText(row, /Support triage agent/);
    await expectText(row, /1 selected project/);
    await expectText(app.getByTestId('flag-success'), /created/);
  });

  it('tests the connection and explains the verdict', async () => {
    const app = await openAdmin();
    const saved = await byName('Support triage agent');
    await app.getByTestId(`test-connection-${saved?.id ?? ''}`).click();
    const verdict = app.getByTestId('test-result');
    await expectText(verdict, /Connected/, 15_000);
    await expectText(verdict, /HTTP 200/);
    await expectText(verdict, /ms/);
    expect(session.listener.requests.length).toBeGreaterThanOrEqual(1);
    expect(session.listener.requests.at(-1)?.headers.authorization).toBe('Bearer listener-key-1');
    await screenshotBothThemes(session.page, 'admin-test-connection');
    await app.getByTestId('close-test').click();
  });

  it('sends a real issue and shows the exact request with the key masked', async () => {
    const app = await openAdmin();
    const saved = await byName('Support triage agent');
    const received = session.listener.requests.length;
    await app.getByTestId(`send-issue-${saved?.id ?? ''}`).click();
    await app.getByTestId('send-issue-key').fill('SUP-1');
    await app.getByTestId('send-issue').click();
    await expectText(app.getByTestId('send-result'), /Connected/, 15_000);
    const request = app.getByTestId('request-details');
    await expectText(request, /POST/);
    await expectText(request, new RegExp(session.listener.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const headers = await expectText(app.getByTestId('request-headers'), /x-team/i);
    expect(headers).not.toContain('listener-key-1');
    expect(headers).toMatch(/authorization/i);
    await expectText(app.getByTestId('request-body'), /SUP-1/);
    await session.listener.waitFor(received + 1);
    expect(session.listener.requests.at(-1)?.json()).toMatchObject({ issue: { key: 'SUP-1' } });
    expect(session.listener.requests.at(-1)?.headers['x-team']).toBe('support');
    await screenshotBothThemes(session.page, 'admin-send-issue');
    await app.getByTestId('close-send').click();
  });

  it('edits a connection without showing its key, and turns it off from the list', async () => {
    const app = await openAdmin();
    const saved = await byName('Support triage agent');
    const id = saved?.id ?? '';
    await app.getByTestId(`edit-connection-${id}`).click();
    await expectText(app.getByTestId('api-key-status'), /API key set on .+ by Alice Admin/);
    await expect(app.getByTestId('connection-token').count()).resolves.toBe(0);
    await app.getByTestId('connection-name').fill('Support triage agent v2');
    await app.getByTestId('save-connection').click();
    await app.getByTestId('connection-form').waitFor({ state: 'detached' });
    await expectText(app.getByTestId(`connection-row-${id}`), /Support triage agent v2/);
    const edited = await byName('Support triage agent v2');
    expect(edited).toMatchObject({ id, token: { set: true }, headers: [{ name: 'X-Team', value: 'support' }] });

    const toggle = app.getByTestId(`connection-enabled-${id}--input`);
    expect(await toggle.isChecked()).toBe(true);
    await app.getByTestId(`connection-enabled-${id}`).click();
    await eventually(async () => ((await byName('Support triage agent v2'))?.enabled === false ? true : undefined), 'the connection to be saved as disabled');
    await expectText(app.getByTestId('flag-success'), /is off/);
    expect(await toggle.isChecked()).toBe(false);
  });

  it('closes only the menu on Escape, asks before Escape discards edits, and shows a refused save where the admin is', async () => {
    const app = await openAdmin();
    const saved = await byName('Support triage agent v2');
    const id = saved?.id ?? '';
    await app.getByTestId(`edit-connection-${id}`).click();
    const form = app.getByTestId('connection-form');
    await form.waitFor();
    await app.getByTestId('connection-name').fill('Support triage agent v3');

    // Escape in an open select closes its menu, not the dialog: the edit is still there.
    await openConnectionTab(app, 'conditions');
    await app.locator('#connection-issue-types').click();
    await app.getByRole('option', { name: 'Bug' }).waitFor();
    await session.page.keyboard.press('Escape');
    await app.getByRole('option', { name: 'Bug' }).waitFor({ state: 'detached' });
    expect(await form.count()).toBe(1);
    // The same for the picker of accounts to ignore.
    await app.locator('#connection-ignore-accounts').click();
    await app.locator('#connection-ignore-accounts').fill('Agent');
    await app.getByRole('option', { name: /Agent Studio Bot/ }).first().waitFor();
    await session.page.keyboard.press('Escape');
    await app.getByRole('option', { name: /Agent Studio Bot/ }).first().waitFor({ state: 'detached' });
    expect(await form.count()).toBe(1);
    await openConnectionTab(app, 'details');
    expect(await app.getByTestId('connection-name').inputValue()).toBe('Support triage agent v3');

    // Escape with no menu open would lose the edit: the dialog asks, and a second Escape keeps editing.
    await session.page.keyboard.press('Escape');
    await expectText(app.getByTestId('discard-confirmation'), /Discard your changes\?/);
    await session.page.keyboard.press('Escape');
    await app.getByTestId('discard-confirmation').waitFor({ state: 'detached' });
    expect(await app.getByTestId('connection-name').inputValue()).toBe('Support triage agent v3');

    // Another admin changes the connection meanwhile (the list's toggle, on a second page).
    const other = await session.browser.newPage();
    try {
      const otherApp = await openView(other, session.platform.url, 'admin', session.admin());
      await otherApp.getByTestId(`connection-enabled-${id}`).click();
      await eventually(async () => ((await byName('Support triage agent v2'))?.enabled === true ? true : undefined), 'the other page’s change to be saved');
    } finally {
      await other.close();
    }

    // Saving now is refused (CONFLICT), and the message shows next to Save, in view, not at the dialog's top.
    await app.getByTestId('save-connection').click();
    const refused = app.getByTestId('form-error');
    await expectText(refused, /Someone changed this connection after you opened it/);
    const inView = async (locator: typeof refused) =>
      locator.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    await eventually(async () => ((await inView(refused)) ? true : undefined), 'the refusal to be scrolled into view', 5_000);
    expect(await inView(app.getByTestId('save-connection'))).toBe(true);
    await session.page.screenshot({ path: screenshotPath('admin-connection-conflict'), fullPage: false });
    expect(await byName('Support triage agent v3')).toBeUndefined();

    // Cancel closes without asking: it is not an accident.
    await app.getByTestId('cancel-connection').click();
    await form.waitFor({ state: 'detached' });
  });

  it('deletes a connection after a confirmation naming it', async () => {
    const app = await openAdmin();
    const saved = await byName('Support triage agent v2');
    const id = saved?.id ?? '';
    await app.getByTestId(`delete-connection-${id}`).click();
    const dialog = app.getByTestId('delete-dialog');
    await expectText(dialog, /Delete “Support triage agent v2”\?/);
    expect(await axeViolations(session.page)).toEqual([]);
    await screenshotBothThemes(session.page, 'admin-delete-dialog');
    await app.getByTestId('confirm-delete').click();
    await app.getByTestId(`connection-row-${id}`).waitFor({ state: 'detached' });
    expect(await byName('Support triage agent v2')).toBeUndefined();
    await session.page.screenshot({ path: screenshotPath('admin-page-after-delete'), fullPage: true });
    expect(session.errors).toEqual([]);
  });

  it('invites the admin to create a connection when there are none', async () => {
    for (const connection of (await overview()).connections) {
      await session.platform.invokeAdmin('connections/delete', { id: connection.id }, session.admin());
    }
    const app = await openView(session.page, session.platform.url, 'admin', session.admin());
    const empty = app.getByTestId('connections-empty');
    await expectText(empty, /Connect Jira to Agent Studio/, 20_000);
    await empty.getByRole('button', { name: 'Create connection' }).click();
    await app.getByTestId('connection-form').waitFor();
    await app.getByTestId('cancel-connection').click();
    await screenshotBothThemes(session.page, 'admin-page-empty');
  });
});
