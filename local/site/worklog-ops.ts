/**
 * Simulator operations on worklogs. Jira emits only the worklog event for them: it records the time
 * spent in the issue's history but sends no `avi:jira:updated:issue` alongside.
 */
import { worklogEvent } from './entity-event-builders';
import { projectOf } from './representations';
import { SiteError } from './site-error';
import { adfText, type StoredIssue, type StoredWorklog } from './site-state';
import { actorOf, requireIssue, requirePermission, type SimulatorChange, type SimulatorContext } from './simulator-support';

export interface WorklogInput {
  timeSpentSeconds: number;
  comment?: string;
  /** When the work started (epoch ms); default now. */
  started?: number;
}

export type WorklogEdit = Partial<WorklogInput>;

function checkTimeSpent(seconds: number | undefined): void {
  // Jira logs whole minutes and refuses less than one.
  if (seconds !== undefined && !(Number.isInteger(seconds) && seconds >= 60)) {
    throw new SiteError(400, 'Time spent must be a whole number of seconds, at least 60 (one minute).', 'timeSpentSeconds');
  }
}

function checkStarted(started: number | undefined): void {
  if (started !== undefined && !Number.isFinite(started)) throw new SiteError(400, 'Started must be a valid date.', 'started');
}

function requireWorklog(issue: StoredIssue, worklogId: string): StoredWorklog {
  const worklog = issue.worklogs.find((w) => w.id === worklogId);
  if (!worklog) throw new SiteError(404, `Cannot find worklog with id: ${worklogId}.`);
  return worklog;
}

export function logWork(ctx: SimulatorContext, actorId: string, idOrKey: string, input: WorklogInput): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  requirePermission(actor, projectOf(ctx.state, issue), 'WORK_ON_ISSUES');
  checkTimeSpent(input.timeSpentSeconds);
  checkStarted(input.started);
  const now = ctx.now();
  const worklog: StoredWorklog = {
    id: String(ctx.state.counters.worklogId++),
    authorId: actor.accountId,
    updateAuthorId: actor.accountId,
    comment: input.comment?.trim() ? adfText(input.comment) : null,
    created: now,
    updated: now,
    started: input.started ?? now,
    timeSpentSeconds: input.timeSpentSeconds,
  };
  issue.worklogs.push(worklog);
  issue.updated = now;
  return { events: [worklogEvent('created', issue, worklog, actor.accountId, now)], issue };
}

export function editWorklog(ctx: SimulatorContext, actorId: string, idOrKey: string, worklogId: string, input: WorklogEdit): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  const worklog = requireWorklog(issue, worklogId);
  const own = worklog.authorId === actor.accountId;
  requirePermission(actor, projectOf(ctx.state, issue), ...(own ? (['WORKLOG_EDIT_OWN', 'WORKLOG_EDIT_ALL'] as const) : (['WORKLOG_EDIT_ALL'] as const)));
  if (input.timeSpentSeconds === undefined && input.comment === undefined && input.started === undefined) {
    throw new SiteError(400, 'Say what to change: timeSpentSeconds, comment or started.');
  }
  checkTimeSpent(input.timeSpentSeconds);
  checkStarted(input.started);
  const now = ctx.now();
  if (input.timeSpentSeconds !== undefined) worklog.timeSpentSeconds = input.timeSpentSeconds;
  if (input.comment !== undefined) worklog.comment = input.comment.trim() ? adfText(input.comment) : null;
  if (input.started !== undefined) worklog.started = input.started;
  worklog.updated = now;
  worklog.updateAuthorId = actor.accountId;
  issue.updated = now;
  return { events: [worklogEvent('updated', issue, worklog, actor.accountId, now)], issue };
}

export function deleteWorklog(ctx: SimulatorContext, actorId: string, idOrKey: string, worklogId: string): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  const worklog = requireWorklog(issue, worklogId);
  const own = worklog.authorId === actor.accountId;
  requirePermission(actor, projectOf(ctx.state, issue), ...(own ? (['WORKLOG_DELETE_OWN', 'WORKLOG_DELETE_ALL'] as const) : (['WORKLOG_DELETE_ALL'] as const)));
  const now = ctx.now();
  issue.worklogs = issue.worklogs.filter((w) => w.id !== worklogId);
  issue.updated = now;
  // The event describes the worklog as it was.
  return { events: [worklogEvent('deleted', issue, worklog, actor.accountId, now)], issue };
}
