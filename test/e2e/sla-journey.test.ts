import type { FrameLocator, Route } from 'playwright-core';
import type { SlaOverview } from '../../src/shared/contract';
import { useE2eSession } from '../support/e2e-session';
import { axeViolations, expectText, openView, screenshotBothThemes, setTheme } from '../support/relay-ui';

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A Jira admin sets up SLA events on the admin page's "Service Management SLAs" section: subscribes a
 * connection, sets how early to warn and which SLAs to watch, and sees the server refuse a bad value.
 * Runs the built UI on the local platform in headless Chromium.
 */
describe('Service Management SLAs section in Chromium', () => {
  const session = useE2eSession();
  const slaOverview = async (): Promise<SlaOverview> => {
    const result = await session.platform.invokeAdmin<SlaOverview>('sla/overview', {}, session.admin());
    if (!result.ok) throw new Error(`sla/overview failed: ${result.error.message}`);
    return result.data;
  };

  async function openSla(): Promise<FrameLocator> {
    const app = await openView(session.page, session.platform.url, 'admin', session.admin());
    await app.getByTestId('sla-form').waitFor({ timeout: 20_000 });
    return app;
  }

  /** Both themes, with a viewport tall enough for the whole section, scrolled to its heading. */
  async function screenshotSection(app: FrameLocator, name: string): Promise<void> {
    await session.page.setViewportSize({ width: 1400, height: 1600 });
    try {
      await app.getByTestId('sla-section').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshotBothThemes(session.page, name);
    } finally {
      await session.page.setViewportSize({ width: 1400, height: 1000 });
    }
  }

  it('says no scan runs until a connection subscribes, then names the subscriber', async () => {
    const app = await openSla();
    const section = app.getByTestId('sla-section');
    await expectText(section, /Jira has no SLA event/);
    await expectText(app.getByTestId('sla-subscribers'), /No connection is subscribed to SLA events, so no scan runs/);
    await expectText(app.getByTestId('sla-last-scan'), /Not run yet/);
    // The stored defaults: warn 30 minutes ahead, watch every SLA.
    expect(await app.getByTestId('sla-warn-minutes').inputValue()).toBe('30');
    expect(await app.getByTestId('sla-watch-all--radio-input').isChecked()).toBe(true);
    await screenshotSection(app, 'sla-unsubscribed');

    // The section sits between the connections and the delivery log.
    const headings = await app.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings.indexOf('Service Management SLAs')).toBeGreaterThan(headings.indexOf('Connections'));
    expect(headings.indexOf('Service Management SLAs')).toBeLessThan(headings.indexOf('Deliveries'));

    const connection = await session.platform.firstConnection();
    await app.getByTestId(`edit-connection-${connection.id}`).click();
    await app.getByTestId('connection-form').waitFor();
    await expectText(app.getByTestId('connection-form'), /Found by a scan every five minutes/);
    await app.getByTestId('event-sla_breached--checkbox-label').click();
    await app.getByTestId('save-connection').click();
    await app.getByTestId('connection-form').waitFor({ state: 'detached' });

    // No page reload: the saved connection makes the section fetch its overview again.
    await expectText(app.getByTestId('sla-subscribers'), new RegExp(`Sent to\\s*${escapeRegExp(connection.name)}`));
    expect((await slaOverview()).subscribers).toEqual([connection.name]);
  });

  it('keeps the warning time and the watched SLAs it saved', async () => {
    const app = await openSla();
    const { fields } = await slaOverview();
    await app.getByTestId('sla-warn-minutes').fill('45');
    await app.getByTestId('sla-watch-some--radio-label').click();
    const names = app.locator('#sla-names');
    await names.waitFor();
    if (fields.some((f) => f.name === 'Time to resolution')) {
      // The site's SLAs are offered by name.
      await names.click();
      await expectText(app.getByRole('listbox'), /Time to first response[\s\S]*Time to resolution/);
      await names.fill('resolution');
      await app.getByRole('option', { name: 'Time to resolution', exact: true }).click();
    } else {
      // A site without Service Management lists none: the name is typed instead.
      await expectText(app.getByTestId('sla-no-fields'), /This site has no Service Management SLAs/);
      await names.fill('Time to resolution');
      await names.press('Enter');
    }
    await app.getByTestId('sla-save').click();
    await expectText(app.getByTestId('flag-success'), /SLA settings saved/);
    expect((await slaOverview()).settings).toEqual({ warnBeforeMinutes: 45, slaNames: ['Time to resolution'] });

    const again = await openSla();
    expect(await again.getByTestId('sla-warn-minutes').inputValue()).toBe('45');
    expect(await again.getByTestId('sla-watch-some--radio-input').isChecked()).toBe(true);
    await expectText(again.getByTestId('sla-section'), /SLA names[\s\S]*Time to resolution/);
    await expectText(again.getByTestId('sla-subscribers'), /Sent to/);
    await screenshotSection(again, 'sla-saved');
  });

  it('shows the server’s error on the minutes field and keeps the stored value', async () => {
    const app = await openSla();
    await app.getByTestId('sla-warn-minutes').fill('-5');
    await app.getByTestId('sla-save').click();
    await expectText(app.getByTestId('sla-warn-minutes-error'), /Use 0 for no warnings/);
    expect(await app.getByTestId('sla-warn-minutes').getAttribute('aria-describedby')).toContain('sla-warn-minutes-error');
    expect((await slaOverview()).settings.warnBeforeMinutes).toBe(45);

    expect(await axeViolations(session.page, '[data-testid="sla-section"]')).toEqual([]);
    await setTheme(session.page, 'dark');
    expect(await axeViolations(session.page, '[data-testid="sla-section"]')).toEqual([]);
    await setTheme(session.page, 'light');
    await screenshotSection(app, 'sla-field-error');

    // Editing the field clears its error until the next save.
    await app.getByTestId('sla-warn-minutes').fill('45');
    await expect(app.getByTestId('sla-warn-minutes-error').count()).resolves.toBe(0);
  });

  it('shows what the last scan did, and its problem', async () => {
    // The local scan runs every five real minutes, so its result is stood in for here.
    const withScan = async (route: Route) => {
      const body = route.request().postDataJSON() as { functionKey?: string };
      if (body.functionKey !== 'sla/overview') return route.continue();
      const response = await route.fetch();
      const result = (await response.json()) as { ok: boolean; data?: SlaOverview };
      if (result.data) {
        result.data.lastScan = { at: new Date().toISOString(), slas: 1, issues: 3, sent: 2, error: 'None of the SLAs named in the settings exists on this site.' };
      }
      return route.fulfill({ response, json: result });
    };
    await session.page.route('**/api/invoke', withScan);
    try {
      const app = await openSla();
      const scan = app.getByTestId('sla-last-scan');
      await expectText(scan, /SLAs watched\s*1/);
      await expectText(scan, /Issues found\s*3/);
      await expectText(scan, /Events sent\s*2/);
      await expectText(app.getByTestId('sla-last-scan-error'), /None of the SLAs named in the settings exists/);
      expect(await axeViolations(session.page, '[data-testid="sla-section"]')).toEqual([]);
      await screenshotSection(app, 'sla-last-scan');
    } finally {
      await session.page.unroute('**/api/invoke', withScan);
    }
  });

  it('refuses SLA settings to anyone but a Jira admin', async () => {
    const asPlain = await session.platform.invokeAdmin('sla/save', { warnBeforeMinutes: 5, slaNames: [] }, session.platform.users.plain.accountId);
    expect(asPlain).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await slaOverview()).settings.warnBeforeMinutes).toBe(45);
    expect(session.errors).toEqual([]);
  });
});
