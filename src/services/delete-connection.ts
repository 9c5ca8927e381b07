import type { ConfigCache } from './config-cache';
import type { ConfigStore, SecretStore } from './ports';
import { requireConnection } from './require-connection';

/** Removes a connection, its opt-ins and its token. */
export async function deleteConnection(
  deps: { configStore: ConfigStore; secrets: SecretStore; cache: ConfigCache },
  id: string,
): Promise<{ id: string }> {
  const connection = await deps.configStore.update((config) => {
    const removed = requireConnection(config, id);
    const optIns = { ...config.optIns };
    delete optIns[id];
    return { config: { ...config, connections: config.connections.filter((c) => c.id !== id), optIns }, result: removed };
  });
  await deps.secrets.deleteToken(id);
  await Promise.all((connection.signing?.secrets ?? []).map((s) => deps.secrets.deleteSigningSecret(id, s.id)));
  deps.cache.invalidate();
  return { id };
}
