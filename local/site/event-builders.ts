/**
 * Builds Forge product events exactly as test/fixtures/forge-events shows them (see its README for the
 * sources and for what the Forge documentation leaves unconfirmed).
 */
import type { ForgeProductEvent } from '../contracts';
import type { StatusDef } from './catalog';
import { eventComment, eventIssue, statusRef } from './representations';
import { SITE_CLOUD_ID } from './site-constants';
import type { SiteState, StoredComment, StoredIssue } from './site-state';

export interface ChangelogItem {
  field: string;
  fieldtype: 'jira' | 'custom';
  /** Absent on some of Jira's own items, such as `Link`. */
  fieldId?: string;
  from: string | null;
  fromString: string | null;
  to: string | null;
  toString: string | null;
}

export interface Changelog {
  id: string;
  items: ChangelogItem[];
}

/** What every Forge product event carries: type, self flag, epoch-ms timestamp, actor and cloud. */
export function eventBase(eventType: string, actorId: string, now: number): ForgeProductEvent {
  return { eventType, selfGenerated: false, timestamp: String(now), atlassianId: actorId, context: { cloudId: SITE_CLOUD_ID } };
}

const users = (ids: Array<string | null>): Array<{ accountId: string }> =>
  [...new Set(ids.filter((id): id is string => id !== null))].map((accountId) => ({ accountId }));

export function issueCreatedEvent(state: SiteState, issue: StoredIssue, actorId: string, now: number): ForgeProductEvent {
  return { ...eventBase('avi:jira:created:issue', actorId, now), issue: eventIssue(state, issue), associatedUsers: users([actorId]) };
}

export function issueUpdatedEvent(
  state: SiteState,
  issue: StoredIssue,
  actorId: string,
  now: number,
  change: { changelog: Changelog; jiraEventTypeName: string; statuses?: [StatusDef, StatusDef]; extraUsers?: Array<string | null> },
): ForgeProductEvent {
  return {
    ...eventBase('avi:jira:updated:issue', actorId, now),
    issue: eventIssue(state, issue),
    changelog: change.changelog,
    associatedUsers: users([actorId, ...(change.extraUsers ?? [])]),
    ...(change.statuses ? { associatedStatuses: change.statuses.map((s) => statusRef(s, 2)) } : {}),
    jiraEventTypeName: change.jiraEventTypeName,
  };
}

export function issueAssignedEvent(
  state: SiteState,
  issue: StoredIssue,
  actorId: string,
  now: number,
  changelog: Changelog,
  assignees: Array<string | null>,
): ForgeProductEvent {
  return { ...eventBase('avi:jira:assigned:issue', actorId, now), issue: eventIssue(state, issue), changelog, associatedUsers: users([actorId, ...assignees]) };
}

export function issueDeletedEvent(state: SiteState, issue: StoredIssue, actorId: string, now: number): ForgeProductEvent {
  return { ...eventBase('avi:jira:deleted:issue', actorId, now), issue: eventIssue(state, issue), associatedUsers: users([actorId]) };
}

/** `avi:jira:commented:issue` fires on create and on edit; only `comment.updated` tells them apart. */
export function commentedEvent(state: SiteState, issue: StoredIssue, comment: StoredComment, actorId: string, now: number): ForgeProductEvent {
  return {
    ...eventBase('avi:jira:commented:issue', actorId, now),
    issue: eventIssue(state, issue),
    associatedUsers: users([actorId]),
    comment: eventComment(comment),
  };
}

export function commentDeletedEvent(state: SiteState, issue: StoredIssue, comment: StoredComment, actorId: string, now: number): ForgeProductEvent {
  return { ...eventBase('avi:jira:deleted:comment', actorId, now), issue: eventIssue(state, issue), comment: eventComment(comment) };
}
