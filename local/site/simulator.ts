/**
 * Simulator operations: each mutates the site as its actor (the "view as" user), persists it, and
 * returns the Forge product events Jira would emit for that change, in Jira's order. Issues and comments
 * here; worklogs, attachments, links and SLA clocks in worklog-ops.ts, attachment-ops.ts,
 * issue-link-ops.ts and sla-ops.ts.
 */
import { findIssueType, findPriority, findStatus, STATUSES } from './catalog';
import {
  commentDeletedEvent,
  commentedEvent,
  issueAssignedEvent,
  issueCreatedEvent,
  issueDeletedEvent,
  issueUpdatedEvent,
  type ChangelogItem,
} from './event-builders';
import { hasProjectPermission } from './permissions';
import { findUser, priorityOf, projectOf, statusOf } from './representations';
import { SiteError } from './site-error';
import { adfText, adfToPlain, type StoredComment, type StoredIssue } from './site-state';
import { actorOf, item, nextChangelogId, NOTHING, requireIssue, requirePermission, type SimulatorChange, type SimulatorContext } from './simulator-support';
import { stopSlaClocks } from './sla';

export type { SimulatorChange, SimulatorContext };

export interface CreateIssueInput {
  projectKey: string;
  summary: string;
  issueType?: string;
  description?: string;
  priority?: string;
  labels?: string[];
}

export interface EditIssueInput {
  summary?: string;
  priority?: string;
  labels?: string[];
  description?: string | null;
}

export function createIssue(ctx: SimulatorContext, actorId: string, input: CreateIssueInput): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const project = ctx.state.projects.find((p) => p.key === input.projectKey.toUpperCase());
  if (!project) throw new SiteError(400, `Specify a valid project ID or key`, 'project');
  requirePermission(actor, project, 'CREATE_ISSUES');
  const type = findIssueType(input.issueType ?? 'Task');
  if (!type) throw new SiteError(400, 'Specify a valid issue type', 'issuetype');
  const priority = findPriority(input.priority ?? 'Medium');
  if (!priority) throw new SiteError(400, 'Specify a valid priority', 'priority');
  if (input.summary.trim() === '') throw new SiteError(400, 'You must specify a summary of the issue.', 'summary');

  const now = ctx.now();
  const counters = ctx.state.counters;
  const number = (counters.projectIssueNumber[project.key] ?? 0) + 1;
  counters.projectIssueNumber[project.key] = number;
  const issue: StoredIssue = {
    id: String(counters.issueId++),
    key: `${project.key}-${number}`,
    projectKey: project.key,
    summary: input.summary,
    description: input.description ? adfText(input.description) : null,
    issueTypeId: type.id,
    statusId: STATUSES[0].id,
    priorityId: priority.id,
    labels: input.labels ?? [],
    assigneeId: null,
    reporterId: actor.accountId,
    creatorId: actor.accountId,
    created: now,
    updated: now,
    resolutionDate: null,
    requestType: project.projectTypeKey === 'service_desk' ? 'Get help' : null,
    comments: [],
    worklogs: [],
    attachments: [],
    sla: { startOverrides: {}, completedAt: {} },
  };
  ctx.state.issues.push(issue);
  return { events: [issueCreatedEvent(ctx.state, issue, actor.accountId, now)], issue };
}

export function editIssue(ctx: SimulatorContext, actorId: string, idOrKey: string, input: EditIssueInput): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  requirePermission(actor, projectOf(ctx.state, issue), 'EDIT_ISSUES');
  // Validate everything before changing anything: a rejected edit must leave the issue untouched.
  if (input.summary !== undefined && input.summary.trim() === '') throw new SiteError(400, 'You must specify a summary of the issue.', 'summary');
  if (input.priority !== undefined && !findPriority(input.priority)) throw new SiteError(400, 'The priority selected is invalid.', 'priority');
  if (input.labels?.some((l) => /\s/.test(l.trim()))) throw new SiteError(400, 'The label must not contain spaces.', 'labels');
  const items: ChangelogItem[] = [];

  if (input.summary !== undefined && input.summary !== issue.summary) {
    items.push(item('summary', null, issue.summary, null, input.summary));
    issue.summary = input.summary;
  }
  if (input.priority !== undefined) {
    const next = findPriority(input.priority);
    if (!next) throw new SiteError(400, 'The priority selected is invalid.', 'priority');
    const prev = priorityOf(issue);
    if (next.id !== prev.id) {
      items.push(item('priority', prev.id, prev.name, next.id, next.name));
      issue.priorityId = next.id;
    }
  }
  if (input.labels !== undefined) {
    const next = [...new Set(input.labels.map((l) => l.trim()).filter(Boolean))];
    if (next.join(' ') !== issue.labels.join(' ')) {
      // Jira's changelog shows labels as one space-separated string, with no ids.
      items.push(item('labels', null, issue.labels.join(' '), null, next.join(' ')));
      issue.labels = next;
    }
  }
  if (input.description !== undefined) {
    const prevText = adfToPlain(issue.description);
    const nextText = input.description ?? '';
    if (nextText !== prevText) {
      items.push(item('description', null, prevText || null, null, nextText || null));
      issue.description = nextText ? adfText(nextText) : null;
    }
  }
  if (items.length === 0) return { ...NOTHING, issue };

  const now = ctx.now();
  issue.updated = now;
  const changelog = { id: nextChangelogId(ctx), items };
  return { events: [issueUpdatedEvent(ctx.state, issue, actor.accountId, now, { changelog, jiraEventTypeName: 'issue_updated' })], issue };
}

export function transitionIssue(ctx: SimulatorContext, actorId: string, idOrKey: string, statusNameOrId: string): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  requirePermission(actor, projectOf(ctx.state, issue), 'TRANSITION_ISSUES');
  const to = findStatus(statusNameOrId);
  if (!to) throw new SiteError(400, `No status "${statusNameOrId}" in this workflow.`, 'status');
  const from = statusOf(issue);
  if (to.id === from.id) throw new SiteError(400, `${issue.key} is already in status ${from.name}.`, 'status');

  const now = ctx.now();
  const items: ChangelogItem[] = [];
  const resolving = to.category.key === 'done' && from.category.key !== 'done';
  const reopening = from.category.key === 'done' && to.category.key !== 'done';
  // Jira sets or clears the resolution in the same change as the status, and lists it first.
  if (resolving) {
    stopSlaClocks(ctx.state, issue, now, { kind: 'resolution' });
    items.push(item('resolution', null, null, '10000', 'Done'));
    issue.resolutionDate = now;
  }
  if (reopening) {
    items.push(item('resolution', '10000', 'Done', null, null));
    issue.resolutionDate = null;
  }
  items.push(item('status', from.id, from.name, to.id, to.name));
  issue.statusId = to.id;
  issue.updated = now;
  const jiraEventTypeName = resolving ? 'issue_resolved' : reopening ? 'issue_reopened' : 'issue_generic';
  const changelog = { id: nextChangelogId(ctx), items };
  return {
    events: [issueUpdatedEvent(ctx.state, issue, actor.accountId, now, { changelog, jiraEventTypeName, statuses: [from, to] })],
    issue,
  };
}

export function assignIssue(ctx: SimulatorContext, actorId: string, idOrKey: string, assigneeId: string | null): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  const project = projectOf(ctx.state, issue);
  requirePermission(actor, project, 'ASSIGN_ISSUES');
  const assignee = assigneeId === null ? null : findUser(ctx.state, assigneeId);
  if (assigneeId !== null && !assignee) throw new SiteError(400, `User '${assigneeId}' does not exist.`, 'assignee');
  if (assignee && !hasProjectPermission({ kind: 'user', user: assignee }, project, 'ASSIGNABLE_USER')) {
    throw new SiteError(400, `User '${assignee.displayName}' cannot be assigned issues.`, 'assignee');
  }
  if ((assignee?.accountId ?? null) === issue.assigneeId) return { ...NOTHING, issue };

  const now = ctx.now();
  const previous = findUser(ctx.state, issue.assigneeId);
  const changelog = {
    id: nextChangelogId(ctx),
    items: [item('assignee', previous?.accountId ?? null, previous?.displayName ?? null, assignee?.accountId ?? null, assignee?.displayName ?? null)],
  };
  issue.assigneeId = assignee?.accountId ?? null;
  issue.updated = now;
  const involved = [previous?.accountId ?? null, assignee?.accountId ?? null];
  // Jira emits both: an "updated" event (issue_assigned) and the dedicated "assigned" event.
  return {
    events: [
      issueUpdatedEvent(ctx.state, issue, actor.accountId, now, { changelog, jiraEventTypeName: 'issue_assigned', extraUsers: involved }),
      issueAssignedEvent(ctx.state, issue, actor.accountId, now, changelog, involved),
    ],
    issue,
  };
}

export function addComment(ctx: SimulatorContext, actorId: string, idOrKey: string, body: string): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  requirePermission(actor, projectOf(ctx.state, issue), 'ADD_COMMENTS');
  if (body.trim() === '') throw new SiteError(400, 'Comment body can not be empty!', 'comment');
  const now = ctx.now();
  stopSlaClocks(ctx.state, issue, now, { kind: 'response', authorId: actor.accountId });
  const comment: StoredComment = {
    id: String(ctx.state.counters.commentId++),
    authorId: actor.accountId,
    updateAuthorId: actor.accountId,
    body: adfText(body),
    created: now,
    updated: now,
  };
  issue.comments.push(comment);
  issue.updated = now;
  return { events: [commentedEvent(ctx.state, issue, comment, actor.accountId, now)], issue };
}

function requireComment(issue: StoredIssue, commentId: string): StoredComment {
  const comment = issue.comments.find((c) => c.id === commentId);
  if (!comment) throw new SiteError(404, `Can not find a comment for the id: ${commentId}.`);
  return comment;
}

export function editComment(ctx: SimulatorContext, actorId: string, idOrKey: string, commentId: string, body: string): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  const comment = requireComment(issue, commentId);
  const project = projectOf(ctx.state, issue);
  requirePermission(actor, project, ...(comment.authorId === actor.accountId ? (['EDIT_OWN_COMMENTS', 'EDIT_ALL_COMMENTS'] as const) : (['EDIT_ALL_COMMENTS'] as const)));
  if (body.trim() === '') throw new SiteError(400, 'Comment body can not be empty!', 'comment');
  const now = ctx.now();
  comment.body = adfText(body);
  comment.updated = now;
  comment.updateAuthorId = actor.accountId;
  issue.updated = now;
  return { events: [commentedEvent(ctx.state, issue, comment, actor.accountId, now)], issue };
}

export function deleteComment(ctx: SimulatorContext, actorId: string, idOrKey: string, commentId: string): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  const comment = requireComment(issue, commentId);
  const project = projectOf(ctx.state, issue);
  requirePermission(actor, project, ...(comment.authorId === actor.accountId ? (['DELETE_OWN_COMMENTS', 'DELETE_ALL_COMMENTS'] as const) : (['DELETE_ALL_COMMENTS'] as const)));
  issue.comments = issue.comments.filter((c) => c.id !== commentId);
  return { events: [commentDeletedEvent(ctx.state, issue, comment, actor.accountId, ctx.now())], issue };
}

export function deleteIssue(ctx: SimulatorContext, actorId: string, idOrKey: string): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  requirePermission(actor, projectOf(ctx.state, issue), 'DELETE_ISSUES');
  // The event describes the issue as it was; cascading events (its comments, worklogs, links) are not emitted.
  const event = issueDeletedEvent(ctx.state, issue, actor.accountId, ctx.now());
  ctx.state.issues = ctx.state.issues.filter((i) => i.id !== issue.id);
  ctx.state.issueLinks = ctx.state.issueLinks.filter((l) => l.sourceIssueId !== issue.id && l.destinationIssueId !== issue.id);
  return { events: [event], issue: null };
}
