import type { ConnectionView, ProjectOverview } from '../../src/shared/contract';
import { screenshotPath } from '../support/browser';
import { useE2eSession } from '../support/e2e-session';
import { fixtureEvent } from '../support/platform';
import { axeViolations, expectText, openView, screenshotBothThemes } from '../support/relay-ui';

/**
 * A project admin opts their project in to an opt-in connection and sees its deliveries; people
 * without the right permission are refused with a sentence that says which permission they lack.
 */
describe('project settings page in Chromium', () => {
  const session = useE2eSession({ listener: true });
  let optIn: ConnectionView;

  beforeAll(async () => {
    const saved = await session.platform.invokeAdmin<ConnectionView>(
      'connections/save',
      {
        name: 'Opt-in triage agent',
        url: session.listener.url,
        enabled: true,
        events: ['issue_created', 'issue_updated'],
        projects: { mode: 'optIn' },
        rateLimitPerSecond: 5,
        token: 'opt-in-listener-key',
      },
      session.admin(),
    );
    if (!saved.ok) throw new Error(`Could not create the opt-in connection: ${saved.error.message}`);
    optIn = saved.data;
  });

  const pat = () => session.platform.users.projectAdmin;

  it('lets a project admin opt the project in, then shows the forwarded events', async () => {
    const project = pat().projectAdminOf[0];
    const app = await openView(session.page, session.platform.url, 'project', pat().accountId, project);
    const item = app.getByTestId(`project-connection-${optIn.id}`);
    await expectText(item, /Opt-in triage agent/, 20_000);
    await expectText(item, /Opt-in: this project/);
    const toggle = app.getByTestId(`optin-toggle-${optIn.id}--input`);
    expect(await toggle.isChecked()).toBe(false);
    expect(await axeViolations(session.page)).toEqual([]);
    await screenshotBothThemes(session.page, 'project-page');

    await app.getByTestId(`optin-toggle-${optIn.id}`).click();
    await expectText(app.getByTestId('flag-success'), /events now go to Opt-in triage agent/);
    const stored = await session.platform.invokeProject<ProjectOverview>('project/overview', {}, pat().accountId, project);
    expect(stored.ok && stored.data.connections.find((c) => c.id === optIn.id)?.optedIn).toBe(true);
    expect(await toggle.isChecked()).toBe(true);

    // An issue of this project is created: the opt-in connection now receives it.
    await session.platform.fireEvent(fixtureEvent('issue-created'));
    await session.listener.waitFor(1);
    await app.getByTestId('refresh-deliveries').click();
    const table = app.getByTestId('deliveries-table');
    await expectText(table, /Issue created/, 15_000);
    await expectText(table, /Opt-in triage agent/);
    await expectText(table, /Delivered/);
    await screenshotBothThemes(session.page, 'project-page-deliveries');

    // The detail panel: masked request headers and the attempt that delivered it.
    await app.locator('[data-testid^="delivery-details-"]').first().click();
    const detail = app.getByTestId('delivery-detail');
    await expectText(app.getByTestId('request-headers'), /Bearer \*+/, 10_000);
    expect(await detail.innerText()).not.toContain('opt-in-listener-key');
    await expectText(app.getByTestId('attempts--table'), /200/);
    expect(await axeViolations(session.page)).toEqual([]);
    await screenshotBothThemes(session.page, 'project-delivery-detail');
  });

  it('filters the project deliveries by state and issue key', async () => {
    const project = pat().projectAdminOf[0];
    const app = await openView(session.page, session.platform.url, 'project', pat().accountId, project);
    const table = app.getByTestId('deliveries-table');
    await expectText(table, /Delivered/, 20_000);
    await app.getByTestId('filter-issue').fill('NOPE-42');
    await expectText(table, /No deliveries match these filters/);
    await app.getByTestId('filter-issue').fill('');
    await expectText(table, /Delivered/);
    await app.locator('#filter-state').fill('Failed');
    await app.locator('#filter-state').press('Enter');
    await expectText(table, /No deliveries match these filters/);
  });

  it('refuses a project admin of another project with the permission they lack', async () => {
    const other = (await session.platform.api<{ key: string }[]>('/api/site/projects')).json.map((p) => p.key).find((key) => !pat().projectAdminOf.includes(key));
    expect(other).toBeDefined();
    const app = await openView(session.page, session.platform.url, 'project', pat().accountId, other);
    await expectText(app.getByTestId('page-error'), /You need the Administer Projects permission for this project/, 20_000);
    expect(await app.getByTestId('project-connections').count()).toBe(0);
    await session.page.screenshot({ path: screenshotPath('project-page-forbidden-light'), fullPage: true });
  });

  it('refuses a plain user on both pages', async () => {
    const app = await openView(session.page, session.platform.url, 'admin', session.platform.users.plain.accountId);
    await expectText(app.getByTestId('page-error'), /Only Jira administrators can manage Agent Studio Relay/, 20_000);
    expect(await app.getByTestId('create-connection').count()).toBe(0);
    await screenshotBothThemes(session.page, 'admin-page-forbidden');

    const project = await openView(session.page, session.platform.url, 'project', session.platform.users.plain.accountId, pat().projectAdminOf[0]);
    await expectText(project.getByTestId('page-error'), /You need the Administer Projects permission for this project/, 20_000);
    expect(session.errors).toEqual([]);
  });
});
