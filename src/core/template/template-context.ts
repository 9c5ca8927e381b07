import type { JiraWebhookBody } from '../webhook-body';

/**
 * What smart values can reach: the Jira webhook body the relay would send, minus its bookkeeping.
 * `issue` is in Jira REST shape (`issue.key`, `issue.fields.summary`).
 */
export interface TemplateContext {
  issue: { id: string; key?: string; self?: string; fields: Record<string, unknown>; [extra: string]: unknown };
  changelog?: { id?: string; items: readonly unknown[] };
  comment?: Record<string, unknown>;
  worklog?: Record<string, unknown>;
  attachment?: Record<string, unknown>;
  issueLink?: Record<string, unknown>;
  sla?: Record<string, unknown>;
  /** Who caused the event. */
  user?: { accountId: string; displayName?: string };
  webhookEvent: string;
  /** Epoch milliseconds. */
  timestamp: number;
  eventId: string;
}

/** The first segment of every path; anything else is refused at compile time, so typos never reach delivery. */
export const TEMPLATE_ROOTS = [
  'issue',
  'changelog',
  'comment',
  'worklog',
  'attachment',
  'issueLink',
  'sla',
  'user',
  'webhookEvent',
  'timestamp',
  'eventId',
] as const satisfies readonly (keyof TemplateContext)[];

/** Builds the context from the body the relay already computes, so a template sees exactly what the default format would send. */
export function contextFromWebhookBody(body: JiraWebhookBody): TemplateContext {
  const context: TemplateContext = {
    issue: body.issue,
    webhookEvent: body.webhookEvent,
    timestamp: body.timestamp,
    eventId: body.eventId,
  };
  if (body.changelog) context.changelog = body.changelog;
  if (body.comment) context.comment = body.comment;
  if (body.worklog) context.worklog = body.worklog;
  if (body.attachment) context.attachment = body.attachment;
  if (body.issueLink) context.issueLink = body.issueLink;
  if (body.sla) context.sla = body.sla;
  if (body.user) context.user = body.user;
  return context;
}
