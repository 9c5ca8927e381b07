import type { RelayConfig, StoredConnection } from '../core/connection';
import type { NormalizedEvent } from '../core/normalize-event';
import { issueTypeAllowed, issueTypeName } from '../core/conditions';
import { coversProject } from '../core/route-event';
import type { EventJira } from './ports';

/**
 * Why the relay would never send this issue to this connection, or undefined when it would: "Send a real
 * issue" must not be a way around a connection's projects and conditions (a confidential project that
 * never opted in stays out of that listener). Only what describes the ISSUE is checked; the change
 * itself (who made it, which fields) is the admin's test and has no meaning here.
 */
export async function outsideScope(
  deps: { jira: EventJira },
  config: RelayConfig,
  connection: StoredConnection,
  event: NormalizedEvent,
): Promise<string | undefined> {
  const projectKey = event.issue.projectKey;
  if (!coversProject(connection, config, projectKey)) {
    return connection.projects.mode === 'optIn'
      ? `project ${projectKey ?? '(unknown)'} has not opted in to it`
      : `project ${projectKey ?? '(unknown)'} is not among its projects`;
  }
  const wanted = connection.conditions.issueTypes;
  if (!issueTypeAllowed(wanted, event)) return `its issue type (${issueTypeName(event) ?? 'unknown'}) is not one of ${wanted?.join(', ') ?? ''}`;
  const jql = connection.conditions.jql;
  // As the trigger: a deleted issue matches no JQL any more, so deletions go to every connection that wants them.
  if (jql && event.forgeEventType !== 'avi:jira:deleted:issue' && !(await deps.jira.matchJql([jql], event.issue.id))[0]) {
    return 'it does not match the connection’s JQL condition';
  }
  return undefined;
}
