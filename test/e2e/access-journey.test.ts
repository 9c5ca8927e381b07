import { readFile } from 'node:fs/promises';
import type { FrameLocator, Route } from 'playwright-core';
import { PERMISSION_LABELS, REQUIRED_PERMISSIONS } from '../../src/shared/access';
import type { AccessReport } from '../../src/shared/contract';
import { screenshotPath } from '../support/browser';
import { useE2eSession } from '../support/e2e-session';
import { axeViolations, expectText, openView, pickOption, screenshotBothThemes, setTheme } from '../support/relay-ui';

const SITE_URL = 'https://relay-dev.atlassian.net';
const BOT_EMAIL = 'agent-studio-bot@serviceaccount.atlassian.com';

/** Splits RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * A Jira admin checks which projects the account behind Agent Studio's HTTP connector can work in, on
 * the admin page's "Jira API access" section: the gaps and their fixes, the CSV, the connector values.
 * Runs the built UI on the local platform in headless Chromium.
 */
describe('Jira API access section in Chromium', () => {
  const session = useE2eSession();

  async function openAccess(): Promise<FrameLocator> {
    const app = await openView(session.page, session.platform.url, 'admin', session.admin());
    await app.getByTestId('access-form').waitFor({ timeout: 20_000 });
    return app;
  }

  /** Both themes, with a viewport tall enough for the whole section, scrolled to its heading. */
  async function screenshotSection(app: FrameLocator, name: string): Promise<void> {
    await session.page.setViewportSize({ width: 1400, height: 2000 });
    try {
      await app.getByTestId('access-section').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await screenshotBothThemes(session.page, name);
    } finally {
      await session.page.setViewportSize({ width: 1400, height: 1000 });
    }
  }

  async function checkAs(app: FrameLocator, query: string, name: RegExp): Promise<void> {
    await pickOption(app, 'access-account', query, name);
    await app.getByTestId('check-access').click();
  }

  it('starts with an invitation and asks for an account before checking', async () => {
    const app = await openAccess();
    await expectText(app.getByTestId('access-intro'), /Pick the account/);
    await screenshotSection(app, 'access-empty');
    expect(await app.getByTestId('access-scope-all--radio-input').isChecked()).toBe(true);
    // Keyboard only: from the account picker, Tab past the scope radios to the button, press Enter.
    await app.locator('#access-account').focus();
    await session.page.keyboard.press('Tab');
    await session.page.keyboard.press('Tab');
    await expect(app.getByTestId('check-access').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await session.page.keyboard.press('Enter');
    await expectText(app.getByTestId('access-account-error'), /Pick an account/);
    await expect(app.getByTestId('access-summary').count()).resolves.toBe(0);
    await session.page.screenshot({ path: screenshotPath('access-account-required-light') });
  });

  it('shows the service account’s gaps, the fixes and the connector values', async () => {
    const app = await openAccess();
    // The picker shows the email next to the name.
    await app.locator('#access-account').fill('agent');
    await expectText(app.getByRole('option').first(), new RegExp(`Agent Studio Bot[\\s\\S]*${BOT_EMAIL.replace(/\./g, '\\.')}`));
    await app.getByRole('option', { name: /Agent Studio Bot/ }).click();
    await app.getByTestId('check-access').click();

    await expectText(app.getByTestId('access-summary'), /Ready in 0 of 3 projects/, 15_000);
    await expectText(app.getByTestId('access-summary'), /Agent Studio Bot is missing permissions in 3 projects/);
    // Worst first: HR has nothing at all, SUP and ENG can browse and comment but do nothing else.
    const rows = app.locator('[data-testid^="access-row-"]');
    await expect(rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')))).resolves.toEqual([
      'access-row-HR',
      'access-row-ENG',
      'access-row-SUP',
    ]);
    await expectText(app.getByTestId('access-status-HR'), /Missing 8/);
    await expectText(app.getByTestId('access-missing-HR'), /All of them: Browse projects, Create issues/);
    await expectText(app.getByTestId('access-fix-HR'), /Add the account to the Administrators role of People Ops \(Project settings → Access\)/);
    for (const key of ['SUP', 'ENG']) {
      const status = await expectText(app.getByTestId(`access-status-${key}`), /Missing \d/);
      expect(status).not.toMatch(/Missing 8/);
      const missing = await expectText(app.getByTestId(`access-missing-${key}`), /Create issues/);
      expect(missing).not.toMatch(/Browse projects|Add comments/);
      await expectText(app.getByTestId(`access-fix-${key}`), /grant “Create issues”.*in the project's permission scheme/);
    }

    const setup = app.getByTestId('connector-setup');
    await expectText(setup, /Set up Agent Studio’s HTTP connector/);
    // The bot is an Atlassian service account: its scoped token works only through api.atlassian.com.
    const base = await expectText(app.getByTestId('connector-base-url'), /^https:\/\/api\.atlassian\.com\/ex\/jira\/<cloud-id>/);
    expect(base).toContain(`${SITE_URL}/_edge/tenant_info`);
    await expectText(app.getByTestId('connector-auth-type'), /^Basic$/);
    await expectText(app.getByTestId('connector-username'), new RegExp(BOT_EMAIL.replace(/\./g, '\\.')));
    const password = await expectText(app.getByTestId('connector-password'), /admin\.atlassian\.com/);
    expect(password).toMatch(/never asks for this token and does not store it/);
    expect(await expectText(app.getByTestId('connector-curl'), /curl/)).toBe(
      `curl -u "${BOT_EMAIL}:<api-token>" "https://api.atlassian.com/ex/jira/<cloud-id>/rest/api/3/project/search"`,
    );
    await expectText(app.getByTestId('connector-warning'), /every project the plugins act on/);
    await app.getByTestId('copy-connector-curl').click();
    await expectText(app.getByTestId('copy-connector-curl'), /Copied/);

    expect(await axeViolations(session.page, '[data-testid="access-section"]')).toEqual([]);
    await setTheme(session.page, 'dark');
    expect(await axeViolations(session.page, '[data-testid="access-section"]')).toEqual([]);
    await setTheme(session.page, 'light');
    await screenshotSection(app, 'access-bot');
  });

  it('downloads the table as CSV', async () => {
    const app = await openAccess();
    await checkAs(app, 'agent', /Agent Studio Bot/);
    await expectText(app.getByTestId('access-summary'), /Ready in 0 of 3/, 15_000);
    const [download] = await Promise.all([session.page.waitForEvent('download'), app.getByTestId('download-access-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^jira-api-access-agent-studio-bot-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(['Project key', 'Project name', 'Missing permissions', 'Fix']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['HR', 'ENG', 'SUP']);
    const [hr, eng, sup] = rows.slice(1);
    expect(hr).toEqual([
      'HR',
      'People Ops',
      REQUIRED_PERMISSIONS.map((k) => PERMISSION_LABELS[k]).join('; '),
      expect.stringMatching(/^Add the account to the Administrators role of People Ops .*, or grant “Browse projects”, “Create issues”,/) as string,
    ]);
    for (const row of [eng, sup]) {
      expect(row).toHaveLength(4);
      expect(row[2]).toContain('Create issues');
      expect(row[2]).not.toContain('Browse projects');
      expect(row[3]).toContain(`Administrators role of ${row[1]}`);
    }
    // The fix contains commas, so it must have been quoted to survive the round trip.
    expect(text).toContain('"Add the account to the Administrators role of People Ops');
    // It matches what the backend reported.
    const report = await session.platform.invokeAdmin<AccessReport>('access/check', { accountId: (await botId()) }, session.admin());
    if (!report.ok) throw new Error(report.error.message);
    expect(rows.slice(1).map((r) => r[2].split('; ').length)).toEqual(report.data.projects.map((p) => p.missing.length));
  });

  async function botId(): Promise<string> {
    const users = (await session.platform.api<{ accountId: string; serviceAccount?: boolean }[]>('/api/users')).json;
    return users.find((u) => u.serviceAccount)?.accountId ?? '';
  }

  it('shows a Jira admin ready everywhere, also for covered projects only, all by keyboard', async () => {
    const app = await openAccess();
    await app.locator('#access-account').focus();
    await session.page.keyboard.type('Alice');
    await app.getByRole('option', { name: /Alice Admin/ }).waitFor();
    await session.page.keyboard.press('Enter');
    await session.page.keyboard.press('Tab');
    await session.page.keyboard.press('Tab');
    await session.page.keyboard.press('Enter');
    await expectText(app.getByTestId('access-summary'), /Ready in 3 of 3 projects/, 15_000);
    await expectText(app.getByTestId('access-status-SUP'), /^Ready$/);
    await expectText(app.getByTestId('access-fix-SUP'), /Nothing to do/);
    await expectText(app.getByTestId('connector-username'), /alice@relay-dev\.example/);
    await screenshotSection(app, 'access-ready');

    // Back to the radios (Shift+Tab), the arrow key picks the other scope, then Tab and Enter check again.
    await session.page.keyboard.press('Shift+Tab');
    await session.page.keyboard.press('ArrowDown');
    expect(await app.getByTestId('access-scope-covered--radio-input').isChecked()).toBe(true);
    await session.page.keyboard.press('Tab');
    await session.page.keyboard.press('Enter');
    await expectText(app.getByTestId('access-summary'), /Checked projects a connection covers/, 15_000);
    await expectText(app.getByTestId('access-summary'), /Ready in 3 of 3 projects/);
  });

  it('says plainly when Jira hides the account’s email', async () => {
    const hideEmail = async (route: Route) => {
      const body = route.request().postDataJSON() as { functionKey?: string };
      if (body.functionKey !== 'access/check') return route.continue();
      const response = await route.fetch();
      const result = (await response.json()) as { ok: boolean; data?: AccessReport };
      if (result.data) delete result.data.account.emailAddress;
      return route.fulfill({ response, json: result });
    };
    await session.page.route('**/api/invoke', hideEmail);
    try {
      const app = await openAccess();
      await checkAs(app, 'agent', /Agent Studio Bot/);
      await expectText(app.getByTestId('connector-username'), /The account’s email address/, 15_000);
      expect(await expectText(app.getByTestId('connector-curl'), /curl/)).toBe(`curl -u "<email>:<api-token>" "${SITE_URL}/rest/api/3/project/search"`);
    } finally {
      await session.page.unroute('**/api/invoke', hideEmail);
    }
  });

  it('shows the admin-only message when the check answers FORBIDDEN, and the backend does so for anyone else', async () => {
    const forbid = async (route: Route) => {
      const body = route.request().postDataJSON() as { functionKey?: string };
      if (body.functionKey !== 'access/check') return route.continue();
      return route.fulfill({ json: { ok: false, error: { code: 'FORBIDDEN', message: 'Only Jira admins can do this.' } } });
    };
    await session.page.route('**/api/invoke', forbid);
    try {
      const app = await openAccess();
      await checkAs(app, 'agent', /Agent Studio Bot/);
      await expectText(app.getByTestId('access-error'), /Only Jira administrators can check which projects an account can work in/, 15_000);
      await expect(app.getByTestId('access-summary').count()).resolves.toBe(0);
      await screenshotSection(app, 'access-forbidden');
    } finally {
      await session.page.unroute('**/api/invoke', forbid);
    }
    const asPlain = await session.platform.invokeAdmin('access/check', { accountId: await botId() }, session.platform.users.plain.accountId);
    expect(asPlain).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(session.errors).toEqual([]);
  });
});
