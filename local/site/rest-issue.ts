/**
 * An issue as `GET /rest/api/3/issue/{id}` and `POST /rest/api/3/search/jql` return it. SLA values
 * depend on the time of the request, so every caller passes the site clock's `now`.
 */
import { DONE_RESOLUTION } from './catalog';
import { formatTimeTracking } from './durations';
import { restAttachment, restIssueLinks, restWorklog } from './entity-representations';
import { selectFields } from './field-selection';
import { jiraTime } from './jira-time';
import { issueTypeOf, issueTypeRef, priorityOf, priorityRef, projectOf, projectRef, restComment, statusOf, statusRef, userOrNull } from './representations';
import { SITE_BASE_URL } from './site-constants';
import type { SiteState, StoredIssue } from './site-state';
import { restSlaFields } from './sla-representation';

type Json = Record<string, unknown>;

const API = `${SITE_BASE_URL}/rest/api/3`;
/** Jira embeds at most this many worklogs in an issue; the rest need `GET /issue/{id}/worklog`. */
const EMBEDDED_WORKLOGS = 20;

function requestTypeField(issue: StoredIssue): Json | null {
  if (!issue.requestType) return null;
  return {
    _links: { web: `${SITE_BASE_URL}/servicedesk/customer/portal/1/${issue.key}` },
    requestType: { id: '1', name: issue.requestType, description: '', issueTypeId: issue.issueTypeId, serviceDeskId: '1', groupIds: ['1'] },
    currentStatus: { status: statusOf(issue).name, statusCategory: statusOf(issue).category.key.toUpperCase() },
  };
}

/** Time spent as Jira derives it from the worklogs (null until someone logs work; no estimates here). */
function timeTracking(issue: StoredIssue): { spent: number | null; progress: Json; timetracking: Json } {
  const total = issue.worklogs.reduce((sum, w) => sum + w.timeSpentSeconds, 0);
  if (total === 0) return { spent: null, progress: { progress: 0, total: 0 }, timetracking: {} };
  return {
    spent: total,
    progress: { progress: total, total, percent: 100 },
    timetracking: { timeSpent: formatTimeTracking(total), timeSpentSeconds: total },
  };
}

/** All fields of `GET /rest/api/3/issue/{id}` for a company-managed project. */
export function restIssueFields(state: SiteState, issue: StoredIssue, now: number): Json {
  const status = statusOf(issue);
  const resolved = status.category.key === 'done';
  const time = timeTracking(issue);
  return {
    statuscategorychangedate: jiraTime(issue.updated),
    issuetype: issueTypeRef(issueTypeOf(issue), 3),
    timespent: time.spent,
    project: projectRef(projectOf(state, issue), 3),
    fixVersions: [],
    aggregatetimespent: time.spent,
    resolution: resolved ? { self: `${API}/resolution/${DONE_RESOLUTION.id}`, ...DONE_RESOLUTION } : null,
    resolutiondate: issue.resolutionDate !== null ? jiraTime(issue.resolutionDate) : null,
    workratio: -1,
    watches: { self: `${API}/issue/${issue.key}/watchers`, watchCount: 1, isWatching: false },
    lastViewed: null,
    created: jiraTime(issue.created),
    customfield_10010: requestTypeField(issue),
    customfield_10020: null,
    ...restSlaFields(state, issue, now),
    priority: priorityRef(priorityOf(issue)),
    labels: [...issue.labels],
    timeestimate: null,
    aggregatetimeoriginalestimate: null,
    versions: [],
    issuelinks: restIssueLinks(state, issue),
    assignee: userOrNull(state, issue.assigneeId),
    updated: jiraTime(issue.updated),
    status: statusRef(status, 3),
    components: [],
    timeoriginalestimate: null,
    description: issue.description,
    security: null,
    attachment: issue.attachments.map((a) => restAttachment(state, a)),
    aggregatetimeestimate: null,
    summary: issue.summary,
    creator: userOrNull(state, issue.creatorId),
    subtasks: [],
    reporter: userOrNull(state, issue.reporterId),
    aggregateprogress: time.progress,
    environment: null,
    duedate: null,
    progress: time.progress,
    votes: { self: `${API}/issue/${issue.key}/votes`, votes: 0, hasVoted: false },
    comment: {
      comments: issue.comments.map((c) => restComment(state, issue, c)),
      self: `${API}/issue/${issue.id}/comment`,
      maxResults: issue.comments.length,
      total: issue.comments.length,
      startAt: 0,
    },
    worklog: {
      startAt: 0,
      maxResults: EMBEDDED_WORKLOGS,
      total: issue.worklogs.length,
      worklogs: issue.worklogs.slice(0, EMBEDDED_WORKLOGS).map((w) => restWorklog(state, issue, w)),
    },
    timetracking: time.timetracking,
  };
}

/**
 * The issue with the requested fields (see field-selection.ts); `GET /issue/{id}` passes its comma
 * list and defaults to `*all`.
 */
export function restIssue(state: SiteState, issue: StoredIssue, now: number, fields: readonly string[] = ['*all'], fallback: '*all' | 'none' = '*all'): Json {
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations,customfield_10010.requestTypePractice',
    id: issue.id,
    self: `${API}/issue/${issue.id}`,
    key: issue.key,
    fields: selectFields(restIssueFields(state, issue, now), fields, fallback),
  };
}
