import type { IncomingHttpHeaders } from 'node:http';
import type { FrameLocator } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import type { ConnectionInput, ConnectionView, DeliveryPage, DeliveryView } from '../../src/shared/contract';
import { DEFAULT_EVENT_KINDS } from '../../src/shared/events';
import { useE2eSession } from '../support/e2e-session';
import { eventually } from '../support/eventually';
import { receivedReply } from '../support/loopback-listener';
import { fixtureEvent, type TestPlatform } from '../support/platform';
import { adminOverview, connectionByName } from '../support/relay-probe';
import { axeViolations, expectText, frameHtml, openView, pickOption, refreshDeliveriesUntil, screenshotBothThemes } from '../support/relay-ui';

/**
 * Reliability features on the admin page, in Chromium on the local platform: "Redeliver all failed since"
 * (same webhook-id), Standard Webhooks signing (secret shown once, verified with the package's own
 * verifier, rotation, off) and the circuit breaker's banner (paused with reason and backlog, then resumed).
 */

const created = fixtureEvent('issue-created');
/** Distinct timestamps make distinct events (the event id is derived from them). */
const eventAt = (offset: number): Record<string, unknown> => ({ ...created, timestamp: Number(created.timestamp ?? 0) + offset });

function headerRecord(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]));
}

async function deliveriesOf(platform: TestPlatform, connectionId: string): Promise<DeliveryView[]> {
  const list = await platform.invokeAdmin<DeliveryPage>('deliveries/list', { connectionId, limit: 100 }, platform.users.admin.accountId);
  if (!list.ok) throw new Error(`deliveries/list failed: ${list.error.message}`);
  return list.data.deliveries;
}

async function createConnection(platform: TestPlatform, name: string, url: string): Promise<ConnectionView> {
  const input: ConnectionInput = {
    name,
    url,
    token: 'loopback-test-key-0001',
    enabled: true,
    events: [...DEFAULT_EVENT_KINDS],
    projects: { mode: 'all' },
    rateLimitPerSecond: 10,
  };
  const saved = await platform.invokeAdmin<ConnectionView>('connections/save', input, platform.users.admin.accountId);
  if (!saved.ok) throw new Error(`connections/save failed: ${saved.error.message}`);
  return saved.data;
}

describe('reliability on the admin page in Chromium', () => {
  let status = 200;
  const session = useE2eSession({ listener: () => (status === 200 ? receivedReply() : { status, body: '{"message":"Bad request"}' }) });

  async function openAdmin(): Promise<FrameLocator> {
    const app = await openView(session.page, session.platform.url, 'admin', session.admin());
    await app.getByTestId('connections--table').waitFor({ timeout: 20_000 });
    return app;
  }

  it('redelivers every failed delivery since a time, with the same webhook-id', async () => {
    const connection = await createConnection(session.platform, 'Strict listener', session.listener.url);
    status = 400;
    session.listener.requests.length = 0;
    await session.platform.fireEvent(eventAt(10_000));
    await session.platform.fireEvent(eventAt(10_001));
    // 400 is not worth retrying: both fail at their first attempt.
    const failed = await eventually(async () => {
      const rows = await deliveriesOf(session.platform, connection.id);
      return rows.length === 2 && rows.every((d) => d.state === 'failed') ? rows : undefined;
    }, 'two failed deliveries', 20_000);
    const failedIds = session.listener.requests.map((r) => r.headers['webhook-id']);
    expect(failedIds).toHaveLength(2);
    expect(new Set(failedIds).size).toBe(2);

    status = 200;
    const app = await openAdmin();
    // The log, filtered on the connection's failures, offers the bulk action.
    await pickOption(app, 'filter-connection', 'Strict', /Strict listener/);
    await pickOption(app, 'filter-state', 'Fail', /Failed/);
    for (const d of failed) await expectText(app.getByTestId(`delivery-row-${d.eventId}-${d.connectionId}`), /Failed/, 15_000);
    await app.getByTestId('redeliver-failed-from-log').click();
    const dialog = app.getByTestId('redeliver-failed-dialog');
    await dialog.waitFor();
    await expectText(dialog, /Strict listener/);
    // The picker starts a day back, so both failures are included.
    expect(await axeViolations(session.page, '[data-testid="redeliver-failed-dialog"]')).toEqual([]);
    await screenshotBothThemes(session.page, 'reliability-redeliver-failed-dialog');
    await app.getByTestId('confirm-redeliver-failed').click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(app.getByTestId('flag-success'), /2 deliveries queued for redelivery; they keep their webhook-id\./);

    // Delivered, with the webhook-ids of the failed attempts.
    const delivered = await session.listener.waitFor(4, 20_000);
    expect(delivered.slice(2).map((r) => r.headers['webhook-id']).sort()).toEqual([...failedIds].sort());
    await pickOption(app, 'filter-state', 'Deliv', /Delivered/);
    for (const d of failed) await refreshDeliveriesUntil(app, app.getByTestId(`delivery-row-${d.eventId}-${d.connectionId}`), /Delivered/);
    const after = await deliveriesOf(session.platform, connection.id);
    expect(after.every((d) => d.state === 'delivered')).toBe(true);

    // The same action is on the connection's row, starting a day back; nothing failed is left.
    await app.getByTestId(`redeliver-failed-${connection.id}`).click();
    await dialog.waitFor();
    await app.getByTestId('confirm-redeliver-failed').click();
    await expectText(app.getByTestId('flag-success').first(), /No failed deliveries to Strict listener since/);
    expect(session.errors).toEqual([]);
  });

  it('turns signing on, shows the secret once, signs, rotates and turns it off', async () => {
    const connection = await connectionByName(session.platform, 'Strict listener');
    if (!connection) throw new Error('The connection of the previous test is missing');
    status = 200;
    const app = await openAdmin();
    await app.getByTestId(`signing-connection-${connection.id}`).click();
    const dialog = app.getByTestId('signing-dialog');
    await expectText(dialog, /Signing is off/);
    await app.getByTestId('turn-on-signing').click();

    // The secret, once.
    const secretDialog = app.getByTestId('signing-secret-dialog');
    await secretDialog.waitFor();
    const secret = await app.getByTestId('signing-secret-value').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectText(app.getByTestId('signing-secret-warning'), /Copy this secret now: it is not shown again\./);
    await expectText(app.getByTestId('signing-secret-warning'), /webhook-signature v1, HMAC-SHA256 over \{webhook-id\}\.\{webhook-timestamp\}\.\{body\}/);
    expect(await axeViolations(session.page, '[data-testid="signing-secret-dialog"]')).toEqual([]);
    await screenshotBothThemes(session.page, 'reliability-signing-secret');
    await app.getByTestId('close-secret').click();
    await expectText(app.getByTestId('signing-status'), /On/);
    await expectText(app.getByTestId('signing-secrets'), /current/);
    expect(await frameHtml(session.page)).not.toContain(secret);
    expect(await axeViolations(session.page, '[data-testid="signing-dialog"]')).toEqual([]);
    await screenshotBothThemes(session.page, 'reliability-signing-on');

    // A signed request, verified with the package's own verifier.
    const before = session.listener.requests.length;
    await session.platform.fireEvent(eventAt(20_000));
    const [signed] = (await session.listener.waitFor(before + 1)).slice(before);
    expect(signed.headers['webhook-signature']).toMatch(/^v1,/);
    expect(() => new Webhook(secret).verify(signed.body, headerRecord(signed.headers))).not.toThrow();

    // Rotate: a new secret, shown once; the old one keeps signing for a while.
    await app.getByTestId('rotate-secret').click();
    await secretDialog.waitFor();
    const rotated = await app.getByTestId('signing-secret-value').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await app.getByTestId('close-secret').click();
    await expectText(app.getByTestId('signing-secrets'), /stops signing/);
    expect(await app.getByTestId('signing-secrets').locator('li').count()).toBe(2);
    const html = await frameHtml(session.page);
    expect(html).not.toContain(secret);
    expect(html).not.toContain(rotated);
    const rotatedFrom = session.listener.requests.length;
    await session.platform.fireEvent(eventAt(20_001));
    const [both] = (await session.listener.waitFor(rotatedFrom + 1)).slice(rotatedFrom);
    const headers = headerRecord(both.headers);
    expect(() => new Webhook(rotated).verify(both.body, headers)).not.toThrow();
    expect(() => new Webhook(secret).verify(both.body, headers)).not.toThrow();
    expect(() => new Webhook(`whsec_${Buffer.from('not the secret at all, 32 bytes!').toString('base64')}`).verify(both.body, headers)).toThrow();

    // Turn off, after a confirmation.
    await app.getByTestId('turn-off-signing').click();
    await app.getByTestId('turn-off-confirmation').waitFor();
    await app.getByTestId('confirm-turn-off-signing').click();
    await expectText(app.getByTestId('signing-status'), /Off/);
    await expectText(dialog, /Signing is off/);
    await app.getByTestId('close-signing').click();
    await dialog.waitFor({ state: 'detached' });
    const offFrom = session.listener.requests.length;
    await session.platform.fireEvent(eventAt(20_002));
    const [unsigned] = (await session.listener.waitFor(offFrom + 1)).slice(offFrom);
    expect(unsigned.headers['webhook-signature']).toBeUndefined();

    // A fresh page: the secrets are nowhere.
    await openAdmin();
    const fresh = await frameHtml(session.page);
    expect(fresh).not.toContain(secret);
    expect(fresh).not.toContain(rotated);
    expect(session.errors).toEqual([]);
  });
});

describe('circuit breaker banner in Chromium', () => {
  // 600×: the retry schedule's first minutes and the five-minute probe pass in about a second.
  const session = useE2eSession({ timeScale: 600 });

  it('shows a paused connection with its reason and backlog, and drops the banner once a probe succeeds', async () => {
    const admin = session.platform.users.admin.accountId;
    const [seeded] = (await adminOverview(session.platform)).connections;
    // The sample listener answers 503 to everything, probes included.
    const failing = await session.platform.api('/api/listener/fail', { body: { count: 10_000 } });
    expect(failing.status).toBe(200);
    await session.platform.fireEvent(eventAt(30_000));
    await eventually(async () => ((await adminOverview(session.platform)).connections.find((c) => c.id === seeded.id)?.breaker ? true : undefined), 'the breaker to open', 30_000);
    // New events wait while the connection is paused.
    await session.platform.fireEvent(eventAt(30_001));
    await session.platform.fireEvent(eventAt(30_002));
    const paused = await eventually(async () => {
      const breaker = (await adminOverview(session.platform)).connections.find((c) => c.id === seeded.id)?.breaker;
      return breaker && breaker.backlog >= 2 ? breaker : undefined;
    }, 'a backlog of waiting deliveries', 30_000);
    const waiting = await eventually(async () => (await deliveriesOf(session.platform, seeded.id)).find((d) => d.state === 'retrying' && d.note), 'a waiting delivery with a note', 15_000);

    const app = await openView(session.page, session.platform.url, 'admin', admin);
    const banner = app.getByTestId(`breaker-banner-${seeded.id}`);
    await banner.waitFor({ timeout: 20_000 });
    // The title names the connection; the sentence and the action do not repeat it (a name can be 100 characters).
    await expectText(banner, new RegExp(`Deliveries to ${seeded.name} are paused`));
    const text = await expectText(app.getByTestId(`breaker-message-${seeded.id}`), /^Paused since .+: .+\. \d+\+? deliver(y is|ies are) waiting/);
    expect(text).not.toContain(seeded.name);
    expect(text).toMatch(/and will be sent when the next probe \(.+\) succeeds\.$/);
    // The probe rewrites the reason with its own verdict; both name the listener's 503.
    expect(paused.reason).toMatch(/503/);
    expect(text).toMatch(/: [^:]*503/);
    await expectText(app.getByTestId(`connection-paused-${seeded.id}`), /Paused/);
    const row = app.getByTestId(`delivery-row-${waiting.eventId}-${waiting.connectionId}`);
    await expectText(row, /Retrying/);
    await expectText(app.getByTestId(`delivery-note-${waiting.eventId}-${waiting.connectionId}`), /\S/);
    expect(await axeViolations(session.page, '[data-testid="breaker-banners"]')).toEqual([]);
    expect(await axeViolations(session.page)).toEqual([]);
    await screenshotBothThemes(session.page, 'reliability-breaker-banner');
    await row.scrollIntoViewIfNeeded();
    await screenshotBothThemes(session.page, 'reliability-delivery-note');

    // The detail panel shows the note and when the next attempt is due.
    await app.getByTestId(`delivery-details-${waiting.eventId}-${waiting.connectionId}`).click();
    await expectText(app.getByTestId('delivery-note'), /\S/);
    await screenshotBothThemes(session.page, 'reliability-delivery-detail-paused');
    await app.getByTestId('close-delivery').click();

    // The listener is healthy again: the next probe resumes the connection and the backlog drains.
    await session.platform.api('/api/listener/fail', { body: { count: 0 } });
    await eventually(async () => ((await adminOverview(session.platform)).connections.find((c) => c.id === seeded.id)?.breaker ? undefined : true), 'the breaker to close', 30_000);
    await app.getByTestId(`breaker-check-${seeded.id}`).click();
    await banner.waitFor({ state: 'detached', timeout: 15_000 });
    expect(await app.getByTestId(`connection-paused-${seeded.id}`).count()).toBe(0);
    await eventually(async () => ((await deliveriesOf(session.platform, seeded.id)).every((d) => d.state === 'delivered') ? true : undefined), 'the backlog to drain', 30_000);
    expect(session.errors).toEqual([]);
  });
});
