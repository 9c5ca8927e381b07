/** What every fake Jira REST route gets: the site state and who is calling. */
import type { Context } from 'hono';
import type { Caller } from '../permissions';
import { SiteError } from '../site-error';
import type { SiteState, StoredIssue, StoredProject } from '../site-state';
import { canBrowse } from '../permissions';

export interface RestBindings {
  state: SiteState;
  caller: Caller;
}

export type RestEnv = { Bindings: RestBindings };
export type RestContext = Context<RestEnv>;

export function jiraError(c: RestContext, status: 400 | 401 | 403 | 404, message: string): Response {
  return c.json(new SiteError(status, message).toJiraBody(), status);
}

/** Finds an issue the caller may see; Jira answers the same 404 whether it is missing or hidden. */
export function visibleIssue(c: RestContext, idOrKey: string): StoredIssue | undefined {
  const { state, caller } = c.env;
  const issue = state.issues.find((i) => i.id === idOrKey || i.key.toUpperCase() === idOrKey.toUpperCase());
  if (!issue) return undefined;
  const project = state.projects.find((p) => p.key === issue.projectKey);
  return project && canBrowse(caller, project) ? issue : undefined;
}

export function visibleProject(c: RestContext, keyOrId: string): StoredProject | undefined {
  const { state, caller } = c.env;
  const project = state.projects.find((p) => p.id === keyOrId || p.key.toUpperCase() === keyOrId.toUpperCase());
  return project && canBrowse(caller, project) ? project : undefined;
}
