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
  const config = await deps.configStore.load();
  const connection = requireConnection(config, connectionId);
  const now = deps.clock.now();
  const retiresAt = new Date(now + SECRET_ROTATION_WINDOW_MS).toISOString();
  const active = new Set(activeSigningSecretIds(connection, now));
  const expired = (connection.signing?.secrets ?? []).filter((s) => !active.has(s.id));
  const kept = (connection.signing?.secrets ?? []).filter((s) => active.has(s.id)).map((s) => ({ ...s, retiresAt: s.retiresAt ?? retiresAt }));
  const secret = newSigningSecret();
  const id = randomUUID().slice(0, 8);
  await deps.secrets.setSigningSecret(connection.id, id, secret);
  const updated: StoredConnection = {
    ...connection,
    signing: { secrets: [...kept, { id, createdAt: new Date(now).toISOString() }] },
    updatedAt: new Date(now).toISOString(),
  };
  await deps.configStore.save({ ...config, connections: config.connections.map((c) => (c.id === connection.id ? updated : c)) });
  await Promise.all(expired.map((s) => deps.secrets.deleteSigningSecret(connection.id, s.id)));
  deps.cache.invalidate();
  return { secret, connection: toConnectionView(updated, await connectionHealth(deps.deliveries, updated.id, now)) };
}

/** Stops signing and deletes every signing secret of the connection. */
export async function disableSigning(deps: SigningDeps, connectionId: string): Promise<ConnectionView> {
  const config = await deps.configStore.load();
  const connection = requireConnection(config, connectionId);
  const updated: StoredConnection = { ...connection, signing: undefined, updatedAt: new Date(deps.clock.now()).toISOString() };
  await deps.configStore.save({ ...config, connections: config.connections.map((c) => (c.id === connection.id ? updated : c)) });
  await Promise.all((connection.signing?.secrets ?? []).map((s) => deps.secrets.deleteSigningSecret(connection.id, s.id)));
  deps.cache.invalidate();
  return toConnectionView(updated, await connectionHealth(deps.deliveries, updated.id, deps.clock.now()));
}
