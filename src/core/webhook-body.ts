import type { NormalizedEvent } from './normalize-event';

/** An issue as `GET /rest/api/3/issue/{id}` returns it. */
export interface FetchedIssue {
  id: string;
  key: string;
  self?: string;
  fields: Record<string, unknown>;
  [extra: string]: unknown;
}

/** The body Jira's own webhooks send ("Send Jira issue payload"), plus our stable `eventId`. */
export interface JiraWebhookBody {
  eventId: string;
  timestamp: number;
  webhookEvent: string;
  issue_event_type_name: string;
  user?: { accountId: string; displayName?: string };
  /** `key` is missing only when an event that names its issue by id could not fetch it. */
  issue: { id: string; key?: string; self?: string; fields: Record<string, unknown> };
  changelog?: { id?: string; items: unknown[] };
  comment?: Record<string, unknown>;
  /** The work log, attachment or link the event is about, as Jira's webhooks name them. */
  worklog?: Record<string, unknown>;
  attachment?: Record<string, unknown>;
  issueLink?: Record<string, unknown>;
  /** For `sla_breached` / `sla_warning`: which SLA, its cycle and times (src/core/sla-event.ts). */
  sla?: Record<string, unknown>;
  /** False when the issue could not be fetched (deleted, no permission): `fields` then holds the event's own subset. */
  issueFetched: boolean;
}

/**
 * Builds the body. With a fetched issue the FULL fields are sent, as Jira's webhooks do; otherwise the
 * subset that came with the event, so a deleted issue still reaches the listener.
 */
export function buildWebhookBody(event: NormalizedEvent, fetched: FetchedIssue | undefined): JiraWebhookBody {
  const body: JiraWebhookBody = {
    eventId: event.id,
    timestamp: event.timestampMs,
    webhookEvent: event.webhookEvent,
    issue_event_type_name: event.issueEventTypeName,
    issue: {
      id: event.issue.id,
      key: fetched?.key ?? (event.issue.key || undefined),
      // Jira's webhooks link to REST v2; the fetch used v3, whose `self` differs only in the version.
      self: fetched?.self?.replace('/rest/api/3/', '/rest/api/2/'),
      fields: fetched?.fields ?? event.issue.fields,
    },
    issueFetched: fetched !== undefined,
  };
  const user = actor(event);
  if (user) body.user = user;
  if (event.changelog) body.changelog = { id: event.changelog.id, items: event.changelog.items };
  if (event.comment) body.comment = event.comment;
  if (event.worklog) body.worklog = event.worklog;
  if (event.attachment) body.attachment = event.attachment;
  if (event.issueLink) body.issueLink = event.issueLink;
  if (event.sla) body.sla = event.sla;
  return body;
}

function actor(event: NormalizedEvent): JiraWebhookBody['user'] {
  if (!event.actorAccountId) return undefined;
  const comment = event.comment;
  // Comment events carry the author's display name; issue events carry only the account id.
  for (const candidate of [comment?.updateAuthor, comment?.author]) {
    if (isUser(candidate) && candidate.accountId === event.actorAccountId) {
      return { accountId: candidate.accountId, displayName: candidate.displayName };
    }
  }
  return { accountId: event.actorAccountId };
}

function isUser(value: unknown): value is { accountId: string; displayName?: string } {
  return typeof value === 'object' && value !== null && typeof (value as { accountId?: unknown }).accountId === 'string';
}
