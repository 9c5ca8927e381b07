/** A compact issue listing for the simulator page (`GET /api/site/issues`), SLA values as of `now`. */
import { formatSlaDuration, formatTimeTracking } from './durations';
import { linkTypeOf } from './entity-representations';
import { findUser, issueTypeOf, jiraTime, priorityOf, statusOf } from './representations';
import { adfToPlain, type SiteState, type StoredIssue } from './site-state';
import { isBreached, remainingMs, SLA_DEFS, slaCycles } from './sla';

export interface IssueSummary {
  id: string;
  key: string;
  projectKey: string;
  summary: string;
  issueType: string;
  status: string;
  priority: string;
  labels: string[];
  assignee: { accountId: string; displayName: string } | null;
  updated: string;
  comments: Array<{ id: string; authorId: string; author: string; text: string; created: string; updated: string }>;
  worklogs: Array<{ id: string; authorId: string; author: string; timeSpent: string; timeSpentSeconds: number; comment: string }>;
  attachments: Array<{ id: string; fileName: string; mimeType: string; size: number; authorId: string; author: string }>;
  /** Links from this issue's point of view: "blocks ENG-1", "is blocked by SUP-1". */
  links: Array<{ id: string; description: string; otherKey: string }>;
  /** SLAs of a service-project issue; empty elsewhere. */
  slas: Array<{ fieldId: string; name: string; ongoing: boolean; breached: boolean; remaining: string }>;
}

const nameOf = (state: SiteState, accountId: string): string => findUser(state, accountId)?.displayName ?? accountId;

function links(state: SiteState, issue: StoredIssue): IssueSummary['links'] {
  return state.issueLinks.flatMap((l) => {
    const outward = l.sourceIssueId === issue.id;
    if (!outward && l.destinationIssueId !== issue.id) return [];
    const other = state.issues.find((i) => i.id === (outward ? l.destinationIssueId : l.sourceIssueId));
    const type = linkTypeOf(l);
    return other ? [{ id: l.id, description: `${outward ? type.outward : type.inward} ${other.key}`, otherKey: other.key }] : [];
  });
}

function slas(state: SiteState, issue: StoredIssue, now: number): IssueSummary['slas'] {
  return SLA_DEFS.flatMap((def) => {
    const last = slaCycles(state, issue, def).at(-1);
    if (!last) return [];
    return [{ fieldId: def.fieldId, name: def.name, ongoing: last.stop === null, breached: isBreached(last, now), remaining: formatSlaDuration(remainingMs(last, now)) }];
  });
}

export function summarizeIssue(state: SiteState, issue: StoredIssue, now: number): IssueSummary {
  const assignee = findUser(state, issue.assigneeId);
  return {
    id: issue.id,
    key: issue.key,
    projectKey: issue.projectKey,
    summary: issue.summary,
    issueType: issueTypeOf(issue).name,
    status: statusOf(issue).name,
    priority: priorityOf(issue).name,
    labels: [...issue.labels],
    assignee: assignee ? { accountId: assignee.accountId, displayName: assignee.displayName } : null,
    updated: jiraTime(issue.updated),
    comments: issue.comments.map((c) => ({
      id: c.id,
      authorId: c.authorId,
      author: nameOf(state, c.authorId),
      text: adfToPlain(c.body),
      created: jiraTime(c.created),
      updated: jiraTime(c.updated),
    })),
    worklogs: issue.worklogs.map((w) => ({
      id: w.id,
      authorId: w.authorId,
      author: nameOf(state, w.authorId),
      timeSpent: formatTimeTracking(w.timeSpentSeconds),
      timeSpentSeconds: w.timeSpentSeconds,
      comment: adfToPlain(w.comment),
    })),
    attachments: issue.attachments.map((a) => ({ id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size, authorId: a.authorId, author: nameOf(state, a.authorId) })),
    links: links(state, issue),
    slas: slas(state, issue, now),
  };
}
