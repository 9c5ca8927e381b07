/**
 * What every simulator operation shares: the context it runs in, the change it returns, and the
 * actor, issue and permission checks that refuse with Jira's status codes and wording.
 */
import type { ForgeProductEvent } from '../contracts';
import type { ChangelogItem } from './event-builders';
import { hasProjectPermission, type ProjectPermission } from './permissions';
import { findUser } from './representations';
import { SiteError } from './site-error';
import type { SiteState, StoredIssue, StoredProject, StoredUser } from './site-state';

export interface SimulatorContext {
  state: SiteState;
  now: () => number;
}

export interface SimulatorChange {
  events: ForgeProductEvent[];
  /** The issue after the change, or null when it was deleted. */
  issue: StoredIssue | null;
}

export const NOTHING: Omit<SimulatorChange, 'issue'> = { events: [] };

export function actorOf(ctx: SimulatorContext, accountId: string): StoredUser {
  const user = findUser(ctx.state, accountId);
  if (!user) throw new SiteError(401, `No user with accountId ${accountId} on this site.`);
  return user;
}

export function requireIssue(ctx: SimulatorContext, idOrKey: string): StoredIssue {
  const issue = ctx.state.issues.find((i) => i.id === idOrKey || i.key.toUpperCase() === idOrKey.toUpperCase());
  if (!issue) throw new SiteError(404, 'Issue does not exist or you do not have permission to see it.');
  return issue;
}

export function requirePermission(actor: StoredUser, project: StoredProject, ...anyOf: ProjectPermission[]): void {
  const caller = { kind: 'user' as const, user: actor };
  if (!hasProjectPermission(caller, project, 'BROWSE_PROJECTS')) {
    throw new SiteError(404, 'Issue does not exist or you do not have permission to see it.');
  }
  if (!anyOf.some((p) => hasProjectPermission(caller, project, p))) {
    throw new SiteError(403, `${actor.displayName} does not have the ${anyOf.join(' or ')} permission in project ${project.key}.`);
  }
}

export function nextChangelogId(ctx: SimulatorContext): string {
  return String(ctx.state.counters.changelogId++);
}

export function item(field: string, from: string | null, fromString: string | null, to: string | null, toString: string | null): ChangelogItem {
  return { field, fieldtype: 'jira', fieldId: field, from, fromString, to, toString };
}
