import type { FrameLocator } from 'playwright-core';
import { useE2eSession } from '../support/e2e-session';
import { eventually } from '../support/eventually';
import { fixtureEvent } from '../support/platform';
import { adminOverview, connectionByName } from '../support/relay-probe';
import { axeViolations, expectText, openConnectionTab, openView, pickOption, screenshotBothThemes } from '../support/relay-ui';

/**
 * A Jira admin gives a connection a custom JSON payload (written the way Moveworks' guide writes it),
 * previews it for a real issue, saves it and sees the listener receive exactly that body; a broken
 * template is refused with its position; conditions (JQL checked by Jira, changed fields, ignored
 * accounts) decide which events are sent.
 */
describe('payload and conditions in the connection dialog', () => {
  const session = useE2eSession({ listener: true });
  const NAME = 'Custom payload agent';
  const BOT = '5b10ac8d82e05b22cc7d4e04';
  const TEMPLATE = [
    '{',
    '  "key": "${issue.key}",',
    '  "summary": "{{issue.summary}}",',
    '  "status": "{{issue.status.name}}",',
    '  "project": "{{issue.project.key}}",',
    '  "event": "{{webhookEvent}}",',
    '  "eventId": "{{eventId}}"',
    '}',
  ].join('\n');

  const overview = () => adminOverview(session.platform);
  const byName = (name: string) => connectionByName(session.platform, name);
  const dialog = '[data-testid="connection-dialog"]';

  async function openAdmin(): Promise<FrameLocator> {
    const app = await openView(session.page, session.platform.url, 'admin', session.admin());
    await app.getByTestId('connections--table').waitFor({ timeout: 20_000 });
    return app;
  }

  it('previews a custom template with ${issue.key} for SUP-1, saves it, and the listener receives the rendered JSON', async () => {
    const app = await openAdmin();
    await app.getByTestId('create-connection').click();
    await app.getByTestId('connection-name').fill(NAME);
    await app.getByTestId('connection-url').fill(session.listener.url);
    await app.getByTestId('connection-token').fill('payload-listener-key');

    await openConnectionTab(app, 'payload');
    expect(await app.getByTestId('payload-jira--radio-input').isChecked()).toBe(true);
    await expectText(app.getByTestId('connection-payload-panel'), /Leave empty to send every field/);
    await pickOption(app, 'connection-payload-fields', 'summ', /^summary$/);
    await app.getByTestId('connection-include-changes--checkbox-label').click();
    expect(await axeViolations(session.page, dialog)).toEqual([]);
    await screenshotBothThemes(session.page, 'payload-jira-format');
    await app.getByTestId('payload-json--radio-label').click();
    const editor = app.getByTestId('connection-template');
    // Prefilled with a useful example.
    expect(await editor.inputValue()).toContain('"key": "{{issue.key}}"');
    await expectText(app.getByTestId('template-cheatsheet'), /\{\{issue\.summary\}\}/);
    await expectText(app.getByTestId('template-moveworks-note'), /\$\{issue\.key\}/);
    await editor.fill(TEMPLATE);

    await app.getByTestId('preview-issue-key').fill('SUP-1');
    await app.getByTestId('preview-payload').click();
    await expectText(app.getByTestId('preview-warnings'), /Line 2, column \d+: .*\$\{/, 15_000);
    const body = await expectText(app.getByTestId('preview-body'), /"key": "SUP-1"/);
    expect(body).toContain('"project": "SUP"');
    await expectText(app.getByTestId('preview-content-type'), /application\/json/);

    expect(await axeViolations(session.page, dialog)).toEqual([]);
    await app.getByTestId('preview-body').scrollIntoViewIfNeeded();
    await screenshotBothThemes(session.page, 'payload-custom-preview');

    await app.getByTestId('save-connection').click();
    await app.getByTestId('connection-form').waitFor({ state: 'detached' });
    const saved = await byName(NAME);
    expect(saved?.payload).toEqual({ format: 'custom', template: TEMPLATE, encoding: 'json' });
    await expectText(app.getByTestId(`connection-payload-${saved?.id ?? ''}`), /Custom JSON/);

    await session.platform.fireEvent(fixtureEvent('issue-created'));
    const [received] = await session.listener.waitFor(1);
    expect(received?.headers['content-type']).toMatch(/application\/json/);
    expect(received?.json()).toEqual({
      key: 'SUP-1',
      summary: 'Customer cannot log in to the support portal',
      status: expect.any(String) as unknown,
      project: 'SUP',
      event: 'jira:issue_created',
      eventId: expect.stringMatching(/^msg_/) as unknown,
    });
  });

  it('shows a broken template’s line and column under the editor and saves nothing', async () => {
    const app = await openAdmin();
    const before = (await overview()).connections.length;
    await app.getByTestId('create-connection').click();
    await app.getByTestId('connection-name').fill('Broken template');
    await app.getByTestId('connection-url').fill(session.listener.url);
    await app.getByTestId('connection-token').fill('payload-listener-key');
    await openConnectionTab(app, 'payload');
    await app.getByTestId('payload-json--radio-label').click();
    await app.getByTestId('connection-template').fill('{\n  "key": "{{issue.key}}",\n  "summary": "{{issue.summary"\n}');
    // Saved from another tab: the dialog opens the tab that shows the error.
    await openConnectionTab(app, 'details');
    await app.getByTestId('save-connection').click();
    const error = await expectText(app.getByTestId('connection-template-error'), /Line 3, column \d+: /, 15_000);
    expect(error).toMatch(/Line 3/);
    await expectText(app.getByTestId('connection-tab-payload'), /Payload\s*1/);
    await app.getByTestId('template-go-to-error').click();
    await expectText(app.getByTestId('template-caret'), /Line 3, column \d+/);

    expect(await axeViolations(session.page, dialog)).toEqual([]);
    await screenshotBothThemes(session.page, 'payload-template-error');
    await app.getByTestId('cancel-connection').click();
    await app.getByTestId('connection-form').waitFor({ state: 'detached' });
    expect((await overview()).connections.length).toBe(before);
    expect(await byName('Broken template')).toBeUndefined();
  });

  it('refuses JQL that Jira does not accept, then only sends events that meet the conditions', async () => {
    const app = await openAdmin();
    const saved = await byName(NAME);
    const id = saved?.id ?? '';
    await app.getByTestId(`edit-connection-${id}`).click();
    await openConnectionTab(app, 'conditions');
    await expectText(app.getByTestId('connection-conditions-panel'), /Checked with Jira for every event/);

    await app.getByTestId('connection-jql').fill('projct = ENG');
    await pickOption(app, 'connection-changed-fields', 'status', /^status$/);
    await pickOption(app, 'connection-ignore-accounts', 'Agent', /Agent Studio Bot/);
    await app.getByTestId('save-connection').click();
    await expectText(app.getByTestId('connection-jql-error'), /Jira does not accept this JQL: .*projct/, 15_000);
    expect((await byName(NAME))?.conditions).toEqual({});

    expect(await axeViolations(session.page, dialog)).toEqual([]);
    await screenshotBothThemes(session.page, 'conditions-jql-error');

    await app.getByTestId('connection-jql').fill('project = ENG');
    await app.getByTestId('save-connection').click();
    await app.getByTestId('connection-form').waitFor({ state: 'detached' });
    expect((await byName(NAME))?.conditions).toEqual({ jql: 'project = ENG', changedFields: ['status'], ignoreAccountIds: [BOT] });
    await expectText(app.getByTestId(`connection-conditions-${id}`), /3 conditions/);
    // The stored payload survived a save from the Conditions tab.
    expect((await byName(NAME))?.payload).toMatchObject({ format: 'custom', encoding: 'json' });

    // Reopened: the ignored account shows by name.
    await app.getByTestId(`edit-connection-${id}`).click();
    await openConnectionTab(app, 'conditions');
    await expectText(app.getByTestId('connection-conditions-panel'), /Agent Studio Bot/);
    await app.getByTestId('cancel-connection').click();

    // A SUP issue no longer matches the JQL; an ENG issue does.
    const received = session.listener.requests.length;
    const created = fixtureEvent('issue-created');
    await session.platform.fireEvent({ ...created, timestamp: String(Number(created.timestamp) + 5_000) });
    const issue = created.issue as { fields: Record<string, unknown> };
    await session.platform.fireEvent({
      ...created,
      timestamp: String(Number(created.timestamp) + 6_000),
      issue: { ...issue, id: '10004', key: 'ENG-1', fields: { ...issue.fields, summary: 'Rotate the SSO signing certificate', project: { id: '10001', key: 'ENG', name: 'Engineering' } } },
    });
    const all = await session.listener.waitFor(received + 1);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const since = session.listener.requests.slice(received).map((r) => r.json().key);
    expect(since).toEqual(['ENG-1']);
    expect(all.at(-1)?.json()).toMatchObject({ key: 'ENG-1', project: 'ENG' });

    // The list's Enabled toggle keeps the payload and the conditions.
    await app.getByTestId(`connection-enabled-${id}`).click();
    await eventually(async () => ((await byName(NAME))?.enabled === false ? true : undefined), 'the connection to be saved as disabled');
    const off = await byName(NAME);
    expect(off?.payload).toEqual({ format: 'custom', template: TEMPLATE, encoding: 'json' });
    expect(off?.conditions).toEqual({ jql: 'project = ENG', changedFields: ['status'], ignoreAccountIds: [BOT] });
    expect(session.errors).toEqual([]);
  });
});
