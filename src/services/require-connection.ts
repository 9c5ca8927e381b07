import type { RelayConfig, StoredConnection } from '../core/connection';
import { RelayError } from './relay-error';

/** The connection with this id, or the NOT_FOUND every admin action answers when it was deleted meanwhile. */
export function requireConnection(config: RelayConfig, id: string, field = 'id'): StoredConnection {
  const connection = config.connections.find((c) => c.id === id);
  if (!connection) throw new RelayError('NOT_FOUND', 'This connection no longer exists. Reload the page.', field);
  return connection;
}
