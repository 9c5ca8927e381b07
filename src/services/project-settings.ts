import type { ProjectConnectionView, ProjectOverview } from '../shared/contract';
import type { RelayConfig } from '../core/connection';
import { coversProject } from '../core/route-event';
import type { ConfigCache } from './config-cache';
import type { ConfigStore } from './ports';
import { requireConnection } from './require-connection';
import { RelayError } from './relay-error';

/** The connections that cover this project or that its admins could opt in to. */
export function projectOverview(config: RelayConfig, projectKey: string): ProjectOverview {
  const connections: ProjectConnectionView[] = [];
  for (const connection of config.connections) {
    const mode = connection.projects.mode;
    if (mode === 'selected' && !coversProject(connection, config, projectKey)) continue;
    connections.push({
      id: connection.id,
      name: connection.name,
      enabled: connection.enabled,
      coverage: mode,
      optedIn: mode === 'optIn' ? coversProject(connection, config, projectKey) : true,
      events: [...connection.events],
    });
  }
  return { project: { key: projectKey }, connections };
}

/** Turns forwarding of one project's events on or off for an opt-in connection; applies to the next event. */
export async function setProjectOptIn(
  deps: { configStore: ConfigStore; cache: ConfigCache },
  projectKey: string,
  connectionId: string,
  optedIn: boolean,
): Promise<ProjectOverview> {
  const next = await deps.configStore.update((config) => {
    const connection = requireConnection(config, connectionId, 'connectionId');
    if (connection.projects.mode !== 'optIn') {
      throw new RelayError('INVALID_INPUT', 'This connection is not opt-in: a Jira admin chooses its projects.', 'connectionId');
    }
    const current = new Set(config.optIns[connectionId] ?? []);
    if (current.has(projectKey) === optedIn) return { result: config };
    if (optedIn) current.add(projectKey);
    else current.delete(projectKey);
    const changed: RelayConfig = { ...config, optIns: { ...config.optIns, [connectionId]: [...current].sort() } };
    return { config: changed, result: changed };
  });
  deps.cache.invalidate();
  return projectOverview(next, projectKey);
}
