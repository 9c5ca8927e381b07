/**
 * Simulator operations on attachments. Jira emits the attachment event, then an
 * `avi:jira:updated:issue` whose changelog has an `Attachment` item (the id and the file name).
 */
import { attachmentEvent } from './entity-event-builders';
import { issueUpdatedEvent, type ChangelogItem } from './event-builders';
import { projectOf } from './representations';
import { SiteError } from './site-error';
import type { StoredAttachment, StoredIssue } from './site-state';
import { actorOf, nextChangelogId, requireIssue, requirePermission, type SimulatorChange, type SimulatorContext } from './simulator-support';

export interface AttachmentInput {
  fileName: string;
  mimeType?: string;
  /** Bytes; default 1 KiB. Nothing is stored but the metadata. */
  size?: number;
}

/** Jira Cloud's default attachment size limit. */
const MAX_SIZE = 1024 ** 3;

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', pdf: 'application/pdf', txt: 'text/plain',
  log: 'text/plain', csv: 'text/csv', json: 'application/json', har: 'application/json', zip: 'application/zip',
};

function guessMimeType(fileName: string): string {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

function attachmentItem(from: StoredAttachment | null, to: StoredAttachment | null): ChangelogItem {
  return { field: 'Attachment', fieldtype: 'jira', fieldId: 'attachment', from: from?.id ?? null, fromString: from?.fileName ?? null, to: to?.id ?? null, toString: to?.fileName ?? null };
}

function requireAttachment(issue: StoredIssue, attachmentId: string): StoredAttachment {
  const attachment = issue.attachments.find((a) => a.id === attachmentId);
  if (!attachment) throw new SiteError(404, `The attachment with id '${attachmentId}' does not exist.`);
  return attachment;
}

export function addAttachment(ctx: SimulatorContext, actorId: string, idOrKey: string, input: AttachmentInput): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  requirePermission(actor, projectOf(ctx.state, issue), 'CREATE_ATTACHMENTS');
  const fileName = input.fileName.trim();
  if (fileName === '' || /[\\/]/.test(fileName)) throw new SiteError(400, 'Give the attachment a file name, without a path.', 'fileName');
  const size = input.size ?? 1024;
  if (!Number.isInteger(size) || size < 0 || size > MAX_SIZE) throw new SiteError(400, `The size must be a whole number of bytes from 0 to ${MAX_SIZE}.`, 'size');
  const now = ctx.now();
  const attachment: StoredAttachment = {
    id: String(ctx.state.counters.attachmentId++),
    fileName,
    mimeType: input.mimeType?.trim() || guessMimeType(fileName),
    size,
    authorId: actor.accountId,
    created: now,
  };
  issue.attachments.push(attachment);
  issue.updated = now;
  const changelog = { id: nextChangelogId(ctx), items: [attachmentItem(null, attachment)] };
  return {
    events: [
      attachmentEvent('created', issue, attachment, actor.accountId, now),
      issueUpdatedEvent(ctx.state, issue, actor.accountId, now, { changelog, jiraEventTypeName: 'issue_updated' }),
    ],
    issue,
  };
}

export function deleteAttachment(ctx: SimulatorContext, actorId: string, idOrKey: string, attachmentId: string): SimulatorChange {
  const actor = actorOf(ctx, actorId);
  const issue = requireIssue(ctx, idOrKey);
  const attachment = requireAttachment(issue, attachmentId);
  const own = attachment.authorId === actor.accountId;
  requirePermission(actor, projectOf(ctx.state, issue), ...(own ? (['DELETE_OWN_ATTACHMENTS', 'DELETE_ALL_ATTACHMENTS'] as const) : (['DELETE_ALL_ATTACHMENTS'] as const)));
  const now = ctx.now();
  issue.attachments = issue.attachments.filter((a) => a.id !== attachmentId);
  issue.updated = now;
  const changelog = { id: nextChangelogId(ctx), items: [attachmentItem(attachment, null)] };
  return {
    events: [
      attachmentEvent('deleted', issue, attachment, actor.accountId, now),
      issueUpdatedEvent(ctx.state, issue, actor.accountId, now, { changelog, jiraEventTypeName: 'issue_updated' }),
    ],
    issue,
  };
}
