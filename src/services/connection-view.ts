import type { ConnectionHealth, ConnectionView, UserSummary } from '../shared/contract';
import type { RelayConfig, StoredConnection } from '../core/connection';

/**
 * What the UI may see of a connection: never the token, only whether one is set, when and by whom.
 * `optIns` is the configuration's opt-in map, read in the same load or update as the connection.
 */
export function toConnectionView(
  connection: StoredConnection,
  optIns: RelayConfig['optIns'],
  health: ConnectionHealth,
  ignoredAccounts: UserSummary[] = [],
): ConnectionView {
  return {
    id: connection.id,
    name: connection.name,
    url: connection.url,
    host: hostOf(connection.url),
    enabled: connection.enabled,
    events: [...connection.events],
    projects: connection.projects,
    optedInProjects: connection.projects.mode === 'optIn' ? [...(optIns[connection.id] ?? [])] : [],
    headers: connection.headers.map((h) => ({ ...h })),
    payload: connection.payload,
    conditions: connection.conditions,
    ignoredAccounts,
    rateLimitPerSecond: connection.rateLimitPerSecond,
    token: connection.token
      ? { set: true, setAt: connection.token.setAt, setBy: connection.token.setBy, setByName: connection.token.setByName }
      : { set: false },
    signing: {
      enabled: (connection.signing?.secrets.length ?? 0) > 0,
      secrets: (connection.signing?.secrets ?? []).map((secret) => ({ ...secret })),
    },
    health,
    createdAt: connection.createdAt,
    updatedAt: connection.updatedAt,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
