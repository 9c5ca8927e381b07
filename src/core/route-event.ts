import type { RelayConfig, StoredConnection } from './connection';
import { wantsEvent } from './connection';
import { meetsLocalConditions } from './conditions';
import type { NormalizedEvent } from './normalize-event';

/** Which connections want this event: enabled, subscribed to one of its kinds, and covering its project. */
export function routeEvent(event: NormalizedEvent, config: RelayConfig): StoredConnection[] {
  return config.connections.filter(
    (connection) =>
      connection.enabled &&
      wantsEvent(connection, event.kinds) &&
      !getsAssignmentSeparately(connection, event) &&
      coversProject(connection, config, event.issue.projectKey) &&
      meetsLocalConditions(connection.conditions, event),
  );
}

/** Whether any enabled connection subscribes to this event's kinds: what is worth fetching its issue for. */
export function anyConnectionWants(event: NormalizedEvent, config: RelayConfig): boolean {
  return config.connections.some((connection) => connection.enabled && wantsEvent(connection, event.kinds));
}

/** A connection that wants "assigned" events gets the assignment from that event, not also from the update. */
function getsAssignmentSeparately(connection: StoredConnection, event: NormalizedEvent): boolean {
  return event.assigneeOnlyUpdate && connection.events.includes('issue_assigned');
}

export function coversProject(connection: StoredConnection, config: RelayConfig, projectKey: string | undefined): boolean {
  switch (connection.projects.mode) {
    case 'all':
      return true;
    case 'selected':
      return projectKey !== undefined && connection.projects.projectKeys.includes(projectKey);
    case 'optIn':
      return projectKey !== undefined && (config.optIns[connection.id] ?? []).includes(projectKey);
  }
}
