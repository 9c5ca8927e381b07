import { REQUIRED_PERMISSIONS } from '../shared/access';
import type { AccessReport, ProjectSummary } from '../shared/contract';
import { coversProject } from '../core/route-event';
import type { Clock, ConfigStore, JiraClient } from './ports';
import { invalidInput } from './relay-error';

/**
 * Checks, as the app, what the Agent Studio connector account may do in every project (or only those a
 * connection covers), so a gap is found here rather than when a plugin fails in front of an employee.
 */
export async function checkAccess(
  deps: { jira: JiraClient; configStore: ConfigStore; clock: Clock },
  accountId: string,
  scope: 'all' | 'covered',
): Promise<AccessReport> {
  const account = await deps.jira.getUser(accountId);
  if (!account) throw invalidInput('accountId', 'There is no Atlassian account with this id on this site.');
  let projects = await deps.jira.listProjects();
  if (scope === 'covered') {
    const config = await deps.configStore.load();
    projects = projects.filter((p) => config.connections.some((c) => c.enabled && coversProject(c, config, p.key)));
  }
  const granted = await deps.jira.projectPermissionsOf(accountId, projects.map((p) => p.id), REQUIRED_PERMISSIONS);
  const rows = projects
    .map((project: ProjectSummary) => ({
      ...project,
      missing: REQUIRED_PERMISSIONS.filter((key) => !granted.get(project.id)?.has(key)),
    }))
    .sort((a, b) => b.missing.length - a.missing.length || a.key.localeCompare(b.key));
  return {
    account,
    scope,
    projects: rows,
    ready: rows.filter((r) => r.missing.length === 0).length,
    checkedAt: new Date(deps.clock.now()).toISOString(),
  };
}
