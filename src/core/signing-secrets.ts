import type { StoredConnection } from './connection';

/** Ids of the secrets that still sign: the newest, plus replaced ones inside their rotation window. */
export function activeSigningSecretIds(connection: StoredConnection, nowMs: number): string[] {
  return (connection.signing?.secrets ?? []).filter((s) => !s.retiresAt || Date.parse(s.retiresAt) > nowMs).map((s) => s.id);
}
