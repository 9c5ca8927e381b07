/**
 * Worklogs, attachments and issue links in the two shapes Jira gives them: inside an issue's REST
 * fields (`worklog`, `attachment`, `issuelinks`, users in full) and in Forge events (users as
 * `{ accountId }`, as test/fixtures/forge-events shows).
 */
import { ISSUE_LINK_TYPES, type IssueLinkTypeDef } from './catalog';
import { formatTimeTracking } from './durations';
import { jiraTime } from './jira-time';
import { issueTypeOf, issueTypeRef, priorityOf, priorityRef, statusOf, statusRef, userOrNull } from './representations';
import { SITE_BASE_URL } from './site-constants';
import type { SiteState, StoredAttachment, StoredIssue, StoredIssueLink, StoredWorklog } from './site-state';

type Json = Record<string, unknown>;

const API = `${SITE_BASE_URL}/rest/api/3`;

export function linkTypeOf(link: StoredIssueLink): IssueLinkTypeDef {
  return ISSUE_LINK_TYPES.find((t) => t.id === link.typeId) ?? ISSUE_LINK_TYPES[0];
}

export function restWorklog(state: SiteState, issue: StoredIssue, w: StoredWorklog): Json {
  return {
    self: `${API}/issue/${issue.id}/worklog/${w.id}`,
    author: userOrNull(state, w.authorId),
    updateAuthor: userOrNull(state, w.updateAuthorId),
    ...(w.comment ? { comment: w.comment } : {}),
    created: jiraTime(w.created),
    updated: jiraTime(w.updated),
    started: jiraTime(w.started),
    timeSpent: formatTimeTracking(w.timeSpentSeconds),
    timeSpentSeconds: w.timeSpentSeconds,
    id: w.id,
    issueId: issue.id,
  };
}

export function restAttachment(state: SiteState, a: StoredAttachment): Json {
  return {
    self: `${API}/attachment/${a.id}`,
    id: a.id,
    filename: a.fileName,
    author: userOrNull(state, a.authorId),
    created: jiraTime(a.created),
    size: a.size,
    mimeType: a.mimeType,
    content: `${API}/attachment/content/${a.id}`,
    // Jira only renders thumbnails for images.
    ...(a.mimeType.startsWith('image/') ? { thumbnail: `${API}/attachment/thumbnail/${a.id}` } : {}),
  };
}

/** The linked issue as Jira nests it in `issuelinks`: a few fields only. */
function linkedIssue(issue: StoredIssue): Json {
  return {
    id: issue.id,
    key: issue.key,
    self: `${API}/issue/${issue.id}`,
    fields: { summary: issue.summary, status: statusRef(statusOf(issue), 3), priority: priorityRef(priorityOf(issue)), issuetype: issueTypeRef(issueTypeOf(issue), 3) },
  };
}

/** `fields.issuelinks`: outward links where the issue is the source, inward where it is the destination. */
export function restIssueLinks(state: SiteState, issue: StoredIssue): Json[] {
  return state.issueLinks.flatMap((link) => {
    const outward = link.sourceIssueId === issue.id;
    if (!outward && link.destinationIssueId !== issue.id) return [];
    const other = state.issues.find((i) => i.id === (outward ? link.destinationIssueId : link.sourceIssueId));
    if (!other) return [];
    const type = linkTypeOf(link);
    return [{
      id: link.id,
      self: `${API}/issueLink/${link.id}`,
      type: { id: type.id, name: type.name, inward: type.inward, outward: type.outward, self: `${API}/issueLinkType/${type.id}` },
      [outward ? 'outwardIssue' : 'inwardIssue']: linkedIssue(other),
    }];
  });
}

export function eventWorklog(issue: StoredIssue, w: StoredWorklog): Json {
  return {
    id: w.id,
    issueId: issue.id,
    author: { accountId: w.authorId },
    updateAuthor: { accountId: w.updateAuthorId },
    ...(w.comment ? { comment: w.comment } : {}),
    created: jiraTime(w.created),
    updated: jiraTime(w.updated),
    started: jiraTime(w.started),
    timeSpent: formatTimeTracking(w.timeSpentSeconds),
    timeSpentSeconds: w.timeSpentSeconds,
  };
}

export function eventAttachment(issue: StoredIssue, a: StoredAttachment): Json {
  return {
    id: a.id,
    issueId: issue.id,
    fileName: a.fileName,
    mimeType: a.mimeType,
    size: a.size,
    created: jiraTime(a.created),
    author: { accountId: a.authorId },
  };
}

export function eventIssueLink(link: StoredIssueLink): Json {
  const type = linkTypeOf(link);
  return {
    id: link.id,
    sourceIssueId: link.sourceIssueId,
    destinationIssueId: link.destinationIssueId,
    issueLinkType: { id: type.id, name: type.name, inwardName: type.inward, outwardName: type.outward, isSubTaskLinkType: false, isSystemLinkType: false },
    systemLink: false,
  };
}
