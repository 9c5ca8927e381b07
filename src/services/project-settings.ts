import type { DeliveryConditions, ProjectConnectionView, ProjectOverview } from '../shared/contract';
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
      conditions: describeConditions(connection.conditions),
      pausedSince: pausedSince(config, connection.id),
    });
  }
  return { project: { key: projectKey }, connections };
}

/**
 * What narrows a connection's events, as a project admin reads it. Ignored accounts are counted, not
 * named, and a JQL condition is mentioned, not shown: the page is for every project's admins, and the
 * count or the mention already explains a missing event.
 */
export function describeConditions(conditions: DeliveryConditions): string[] {
  const lines: string[] = [];
  if (conditions.issueTypes?.length) lines.push(`Only issue types: ${conditions.issueTypes.join(', ')}`);
  // Not the JQL itself: written by a Jira admin, it may name other projects, labels or people.
  if (conditions.jql) lines.push('Only issues matching a JQL condition set by a Jira admin');
  if (conditions.changedFields?.length) lines.push(`Updates only when one of these fields changes: ${conditions.changedFields.join(', ')}`);
  const ignored = conditions.ignoreAccountIds?.length ?? 0;
  if (ignored > 0) lines.push(`Ignores changes made by ${ignored === 1 ? '1 account' : `${ignored} accounts`}`);
  return lines;
}

function pausedSince(config: RelayConfig, connectionId: string): string | undefined {
  const breaker = config.breakers[connectionId];
  return breaker ? new Date(breaker.openedAt).toISOString() : undefined;
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
