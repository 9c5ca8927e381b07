import type { ConnectionView } from '../shared/contract';
import type { StoredConnection } from '../core/connection';

/** What the UI may see of a connection: never the token, only whether one is set. */
export function toConnectionView(connection: StoredConnection): ConnectionView {
  return {
    id: connection.id,
    name: connection.name,
    url: connection.url,
    enabled: connection.enabled,
    events: [...connection.events],
    projects: connection.projects,
    rateLimitPerSecond: connection.rateLimitPerSecond,
    token: connection.token ? { set: true, setAt: connection.token.setAt, setBy: connection.token.setBy } : { set: false },
    createdAt: connection.createdAt,
    updatedAt: connection.updatedAt,
  };
}
