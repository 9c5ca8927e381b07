import type { DeliveryDetail, DeliveryPage } from '../../src/shared/contract';
import { useE2eSession } from '../support/e2e-session';
import { eventually } from '../support/eventually';
import { fixtureEvent } from '../support/platform';
import { axeViolations, expectText, openView, screenshotBothThemes } from '../support/relay-ui';

/**
 * The sample listener answers 503, so a delivery fails; the admin finds it in the delivery log,
 * opens it and redelivers it once the listener is back: one more attempt, marked manual, delivered.
 */
describe('redeliver from the delivery log in Chromium', () => {
  const session = useE2eSession();

  it('redelivers a failed delivery and shows the new attempt', async () => {
    const admin = session.platform.users.admin.accountId;
    await session.platform.api('/api/listener/fail', { body: { count: 1000 } });
    await session.platform.fireEvent(fixtureEvent('issue-updated-status'));
    // Wait for the relay's own first retry (5 s later, 503 again): the next one is a minute away,
    // so the attempt Redeliver adds below is the only new one.
    const failed = await eventually(async () => {
      const list = await session.platform.invokeAdmin<DeliveryPage>('deliveries/list', {}, admin);
      return list.ok ? list.data.deliveries.find((d) => d.status === 503 && d.attempts >= 2) : undefined;
    }, 'a delivery answered 503 twice', 20_000);

    const app = await openView(session.page, session.platform.url, 'admin', admin);
    const row = app.getByTestId(`delivery-row-${failed.eventId}-${failed.connectionId}`);
    await expectText(row, /503/, 20_000);
    await expectText(row, /Retrying|Failed/);
    await app.getByTestId(`delivery-details-${failed.eventId}-${failed.connectionId}`).click();
    const dialog = app.getByTestId('delivery-detail');
    await expectText(app.getByTestId('attempts--table'), /503/);
    const before = await app.locator('[data-testid^="attempt-"]').count();
    expect(before).toBe(failed.attempts);
    expect(await axeViolations(session.page)).toEqual([]);
    await screenshotBothThemes(session.page, 'admin-delivery-detail-failed');

    // The listener is back.
    await session.platform.api('/api/listener/fail', { body: { count: 0 } });
    await app.getByTestId('redeliver').click();
    await expectText(app.getByTestId('redeliver-result'), /Redelivered/, 15_000);
    await expectText(app.getByTestId('redeliver-result'), /HTTP 200/);
    const added = app.getByTestId(`attempt-${before + 1}`);
    await expectText(added, /200/);
    await expectText(added, /Manual/);
    await expectText(app.getByTestId('delivery-summary'), /Delivered/);
    expect(await app.locator('[data-testid^="attempt-"]').count()).toBe(before + 1);
    await screenshotBothThemes(session.page, 'admin-delivery-detail-redelivered');

    const stored = await session.platform.invokeAdmin<DeliveryDetail>('deliveries/get', { eventId: failed.eventId, connectionId: failed.connectionId }, admin);
    expect(stored.ok && stored.data).toMatchObject({ state: 'delivered', attempts: before + 1 });
    expect(stored.ok && stored.data.attemptLog.at(-1)).toMatchObject({ status: 200, manual: true });

    // Closing the panel leaves the log row up to date without a reload.
    await app.getByTestId('close-delivery').click();
    await dialog.waitFor({ state: 'detached' });
    await expectText(row, /Delivered/);
    await expectText(row, new RegExp(`\\b${before + 1}\\b`));
    expect(session.errors).toEqual([]);
  });

  it('pages through a long delivery log with Load more', async () => {
    const admin = session.platform.users.admin.accountId;
    const created = fixtureEvent('issue-created');
    // Distinct timestamps make distinct events (the event id is derived from them).
    for (let i = 0; i < 24; i += 1) await session.platform.fireEvent({ ...created, timestamp: Number(created.timestamp ?? 0) + 1_000 + i });
    const total = await eventually(async () => {
      const all = await session.platform.invokeAdmin<DeliveryPage>('deliveries/list', { limit: 100 }, admin);
      return all.ok && all.data.deliveries.length >= 25 ? all.data.deliveries.length : undefined;
    }, 'every delivery to be logged');

    const app = await openView(session.page, session.platform.url, 'admin', admin);
    const rows = app.locator('[data-testid^="delivery-row-"]');
    await app.getByTestId('load-more-deliveries').waitFor({ timeout: 20_000 });
    expect(await rows.count()).toBe(20);
    await app.getByTestId('load-more-deliveries').click();
    await app.getByTestId('load-more-deliveries').waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(total);
    // No row twice: the cursor continued the list instead of starting it again.
    const ids = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')));
    expect(new Set(ids).size).toBe(total);
  });
});
