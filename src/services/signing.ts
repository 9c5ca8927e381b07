import { randomUUID } from 'node:crypto';
import type { ConnectionView } from '../shared/contract';
import type { StoredConnection } from '../core/connection';
import { newSigningSecret, SECRET_ROTATION_WINDOW_MS } from '../core/sign-webhook';
import { activeSigningSecretIds } from '../core/signing-secrets';
import type { ConfigCache } from './config-cache';
import { connectionHealth } from './connection-health';
import { toConnectionView } from './connection-view';
import type { Clock, ConfigStore, DeliveryStore, SecretStore } from './ports';
import { requireConnection } from './require-connection';

export interface SigningDeps {
  configStore: ConfigStore;
  secrets: SecretStore;
  cache: ConfigCache;
  clock: Clock;
  deliveries: DeliveryStore;
}

/** The secret values that sign this connection's requests now, read without the cache (admin actions). */
export async function loadSigningSecrets(secrets: SecretStore, connection: StoredConnection, nowMs: number): Promise<string[]> {
  const values = await Promise.all(activeSigningSecretIds(connection, nowMs).map((id) => secrets.getSigningSecret(connection.id, id)));
  return values.filter((v): v is string => v !== undefined);
}

/**
 * Turns signing on, or rotates: a new `whsec_` secret signs from now on; the previous one keeps signing
 * for 24 hours so the receiver can switch over. The new secret is returned once and never again.
 */
export async function rotateSigningSecret(deps: SigningDeps, connectionId: string): Promise<{ secret: string; connection: ConnectionView }> {
  const secret = newSigningSecret();
  const id = randomUUID().slice(0, 8);
  const now = deps.clock.now();
  const { updated, expired, optIns } = await deps.configStore.update(async (config) => {
    const connection = requireConnection(config, connectionId);
    const retiresAt = new Date(now + SECRET_ROTATION_WINDOW_MS).toISOString();
    const active = new Set(activeSigningSecretIds(connection, now));
    const stale = (connection.signing?.secrets ?? []).filter((s) => !active.has(s.id));
    const kept = (connection.signing?.secrets ?? []).filter((s) => active.has(s.id)).map((s) => ({ ...s, retiresAt: s.retiresAt ?? retiresAt }));
    // Stored before the configuration names it, so a delivery never looks for a secret that is not there yet.
    await deps.secrets.setSigningSecret(connection.id, id, secret);
    const changed: StoredConnection = {
      ...connection,
      signing: { secrets: [...kept, { id, createdAt: new Date(now).toISOString() }] },
      updatedAt: new Date(now).toISOString(),
    };
    return { config: { ...config, connections: config.connections.map((c) => (c.id === connection.id ? changed : c)) }, result: { updated: changed, expired: stale, optIns: config.optIns } };
  });
  await Promise.all(expired.map((s) => deps.secrets.deleteSigningSecret(updated.id, s.id)));
  deps.cache.invalidate();
  return { secret, connection: toConnectionView(updated, optIns, await connectionHealth(deps.deliveries, updated.id, now)) };
}

/** Stops signing and deletes every signing secret of the connection. */
export async function disableSigning(deps: SigningDeps, connectionId: string): Promise<ConnectionView> {
  const { updated, secrets, optIns } = await deps.configStore.update((config) => {
    const connection = requireConnection(config, connectionId);
    const changed: StoredConnection = { ...connection, signing: undefined, updatedAt: new Date(deps.clock.now()).toISOString() };
    return { config: { ...config, connections: config.connections.map((c) => (c.id === connection.id ? changed : c)) }, result: { updated: changed, secrets: connection.signing?.secrets ?? [], optIns: config.optIns } };
  });
  await Promise.all(secrets.map((s) => deps.secrets.deleteSigningSecret(updated.id, s.id)));
  deps.cache.invalidate();
  return toConnectionView(updated, optIns, await connectionHealth(deps.deliveries, updated.id, deps.clock.now()));
}
