/**
 * Worklog, attachment and issue link events, exactly as test/fixtures/forge-events/worklog-*.json,
 * attachment-*.json and issuelink-*.json show them: the common envelope plus the entity, no `issue`.
 */
import type { ForgeProductEvent } from '../contracts';
import { eventAttachment, eventIssueLink, eventWorklog } from './entity-representations';
import { eventBase } from './event-builders';
import type { StoredAttachment, StoredIssue, StoredIssueLink, StoredWorklog } from './site-state';

export function worklogEvent(kind: 'created' | 'updated' | 'deleted', issue: StoredIssue, worklog: StoredWorklog, actorId: string, now: number): ForgeProductEvent {
  return { ...eventBase(`avi:jira:${kind}:worklog`, actorId, now), worklog: eventWorklog(issue, worklog) };
}

export function attachmentEvent(kind: 'created' | 'deleted', issue: StoredIssue, attachment: StoredAttachment, actorId: string, now: number): ForgeProductEvent {
  return { ...eventBase(`avi:jira:${kind}:attachment`, actorId, now), attachment: eventAttachment(issue, attachment) };
}

export function issueLinkEvent(kind: 'created' | 'deleted', link: StoredIssueLink, actorId: string, now: number): ForgeProductEvent {
  return { ...eventBase(`avi:jira:${kind}:issuelink`, actorId, now), issueLink: eventIssueLink(link) };
}
