import { Webhook } from 'standardwebhooks';
import type { ConnectionView, DeliveryDetail, DeliveryPage } from '../../src/shared/contract';
import { eventually } from '../support/eventually';
import type { LoopbackListener } from '../support/loopback-listener';
import { fixtureEvent, type TestPlatform } from '../support/platform';
import { startListenerPlatform, stopListenerPlatform } from '../support/listener-platform';
import { dataOf } from '../support/resolver-data';

const TOKEN = 'lst_signing_token_3c1d';

/** Signatures are checked with the standardwebhooks package's own verifier, as a receiver would. */
describe('Standard Webhooks signing', () => {
  let listener: LoopbackListener;
  let platform: TestPlatform;
  let connection: ConnectionView;
  let admin: string;

  beforeAll(async () => {
    ({ listener, platform, admin, connection } = await startListenerPlatform(TOKEN));
  });
  afterAll(() => stopListenerPlatform({ listener, platform }));

  const headersOf = (index: number): Record<string, string> => listener.requests[index].headers as Record<string, string>;
  const fire = async (): Promise<void> => {
    listener.requests.length = 0;
    await platform.fireEvent({ ...fixtureEvent('issue-created'), timestamp: String(Date.now() + Math.random()) });
    await listener.waitFor(1);
  };
  const rotate = async (): Promise<string> => {
    const result = await platform.invokeAdmin<{ secret: string; connection: ConnectionView }>('connections/rotateSigningSecret', { id: connection.id }, admin);
    return dataOf(result).secret;
  };

  it('does not sign until signing is turned on', async () => {
    await fire();
    expect(headersOf(0)['webhook-signature']).toBeUndefined();
  });

  it('signs every request once a secret is generated, verifiable with the package’s verifier', async () => {
    const secret = await rotate();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    await fire();
    const request = listener.requests[0];
    expect(() => new Webhook(secret).verify(request.body, headersOf(0))).not.toThrow();
    expect(() => new Webhook(`whsec_${Buffer.from('not the secret at all!!').toString('base64')}`).verify(request.body, headersOf(0))).toThrow();

    const overview = await platform.invokeAdmin<{ connections: ConnectionView[] }>('admin/overview', {}, admin);
    expect(JSON.stringify(overview)).not.toContain(secret);
    expect(overview.ok && overview.data.connections[0].signing).toMatchObject({ enabled: true, secrets: [{ id: expect.any(String) as string }] });
  });

  it('signs with the old and the new secret during a rotation, so either verifies', async () => {
    const overviewBefore = await platform.invokeAdmin<{ connections: ConnectionView[] }>('admin/overview', {}, admin);
    const oldId = overviewBefore.ok ? overviewBefore.data.connections[0].signing.secrets[0].id : '';
    const previous = await rotate();
    const next = await rotate();
    await fire();
    const signatures = headersOf(0)['webhook-signature'].split(' ');
    expect(signatures.length).toBeGreaterThanOrEqual(2);
    for (const secret of [previous, next]) expect(() => new Webhook(secret).verify(listener.requests[0].body, headersOf(0))).not.toThrow();
    const overview = await platform.invokeAdmin<{ connections: ConnectionView[] }>('admin/overview', {}, admin);
    const secrets = overview.ok ? overview.data.connections[0].signing.secrets : [];
    expect(secrets.at(-1)?.retiresAt).toBeUndefined();
    expect(secrets.slice(0, -1).every((s) => typeof s.retiresAt === 'string')).toBe(true);
    expect(secrets.map((s) => s.id)).toContain(oldId);
  });

  it('keeps signing when the connection is edited or switched off and on', async () => {
    const current = async (): Promise<ConnectionView> => dataOf(await platform.invokeAdmin<{ connections: ConnectionView[] }>('admin/overview', {}, admin)).connections[0];
    const secret = await rotate();
    for (const change of [{ name: 'Renamed listener' }, { enabled: false }, { enabled: true }]) {
      const shown = await current();
      // What the page's form and its Enabled toggle send: the connection as shown, without the API key.
      const saved = await platform.invokeAdmin<ConnectionView>('connections/save', {
        id: shown.id, name: shown.name, url: shown.url, enabled: shown.enabled, events: shown.events, projects: shown.projects,
        headers: shown.headers, payload: shown.payload, conditions: shown.conditions, rateLimitPerSecond: shown.rateLimitPerSecond,
        expectedUpdatedAt: shown.updatedAt, ...change,
      }, admin);
      expect(dataOf(saved).signing.enabled).toBe(true);
    }
    await fire();
    expect(() => new Webhook(secret).verify(listener.requests[0].body, headersOf(0))).not.toThrow();
  });

  it('keeps signatures out of the delivery log in readable form and never stores the token', async () => {
    const page = await eventually(async () => {
      const result = await platform.invokeAdmin<DeliveryPage>('deliveries/list', { limit: 1 }, admin);
      return result.ok ? result.data.deliveries[0] : undefined;
    }, 'a delivery');
    const detail = await platform.invokeAdmin<DeliveryDetail>('deliveries/get', { eventId: page.eventId, connectionId: page.connectionId }, admin);
    expect(detail.ok && detail.data.request.headers['webhook-signature']).toMatch(/^v1,…( v1,…)*$/);
    expect(JSON.stringify(detail)).not.toContain(TOKEN);
  });

  it('stops signing when turned off', async () => {
    const result = await platform.invokeAdmin<ConnectionView>('connections/disableSigning', { id: connection.id }, admin);
    expect(result).toMatchObject({ ok: true, data: { signing: { enabled: false, secrets: [] } } });
    await fire();
    expect(headersOf(0)['webhook-signature']).toBeUndefined();
  });
});
