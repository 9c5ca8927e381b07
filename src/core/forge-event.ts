// zod/mini, the tree-shakable form of zod: this schema runs in the trigger, whose bundle size is measured (bench).
import * as z from 'zod/mini';
import { jsonRecord, safeInteger } from './mini-schemas';

/**
 * The Forge product events this app subscribes to, validated loosely: Forge documents `issue.fields`
 * as a subset and marks several properties optional, so unknown properties pass through untouched.
 * Source: developer.atlassian.com/platform/forge/events-reference/jira (issue, comment, worklog,
 * attachment and issue link events); the scopes each needs come from @forge/manifest's
 * product-event-to-scope mapping (all read:jira-work).
 */
/** Issue and comment events: they always carry the issue (`issue: { id, key, fields }`). */
export const ISSUE_EVENT_TYPES = [
  'avi:jira:created:issue',
  'avi:jira:updated:issue',
  'avi:jira:deleted:issue',
  'avi:jira:assigned:issue',
  'avi:jira:commented:issue',
  'avi:jira:deleted:comment',
] as const;

export const FORGE_EVENT_TYPES = [
  ...ISSUE_EVENT_TYPES,
  'avi:jira:created:worklog',
  'avi:jira:updated:worklog',
  'avi:jira:deleted:worklog',
  'avi:jira:created:attachment',
  'avi:jira:deleted:attachment',
  'avi:jira:created:issuelink',
  'avi:jira:deleted:issuelink',
] as const;

/**
 * Events the relay makes itself: Forge has no SLA event, so the scheduled SLA scan (src/services/scan-slas.ts)
 * emits these in the same envelope and they travel the same path as Jira's.
 */
export const RELAY_EVENT_TYPES = ['relay:sla:breached', 'relay:sla:warning'] as const;

export const EVENT_TYPES = [...FORGE_EVENT_TYPES, ...RELAY_EVENT_TYPES] as const;
export type ForgeEventType = (typeof EVENT_TYPES)[number];

const userRef = z.looseObject({ accountId: z.optional(z.string()) });
const nonEmpty = z.string().check(z.minLength(1));
const id = z.pipe(z.union([nonEmpty, safeInteger]), z.transform(String));
const optionalText = z.optional(z.string());
const optionalNullableText = z.optional(z.union([z.string(), z.null()]));

export const forgeIssueSchema = z.looseObject({
  id: nonEmpty,
  key: nonEmpty,
  fields: z._default(jsonRecord(z.unknown()), {}),
});

export const changelogItemSchema = z.looseObject({
  field: optionalText,
  fieldId: optionalText,
  fieldtype: optionalText,
  from: optionalNullableText,
  fromString: optionalNullableText,
  to: optionalNullableText,
  toString: optionalNullableText,
});

export const forgeCommentSchema = z.looseObject({
  id: nonEmpty,
  author: z.optional(userRef),
  updateAuthor: z.optional(userRef),
  created: optionalText,
  updated: optionalText,
});

/** Worklog events carry the worklog (with its issue's id), not the issue: Jira's REST `Worklog` shape. */
export const forgeWorklogSchema = z.looseObject({ id, issueId: z.optional(id), updated: optionalText });

/** Whether Forge adds the issue id to an attachment is not documented: the issue may come on `issue` instead. */
export const forgeAttachmentSchema = z.looseObject({ id, issueId: z.optional(id) });

export const forgeIssueLinkSchema = z.looseObject({ id, sourceIssueId: z.optional(id), destinationIssueId: z.optional(id) });

/** What the SLA scan found: one SLA of one issue, in one cycle (src/core/sla-event.ts). */
export const slaSnapshotSchema = z.looseObject({
  fieldId: nonEmpty,
  name: nonEmpty,
  cycleStartedAt: nonEmpty,
  breachAt: optionalText,
  breached: z.boolean(),
});

export const forgeEventSchema = z.looseObject({
  eventType: z.enum(EVENT_TYPES),
  // Documented as epoch milliseconds; seen both as a string and a number.
  timestamp: z.optional(z.union([z.string(), z.number()])),
  atlassianId: optionalText,
  selfGenerated: z.optional(z.boolean()),
  jiraEventTypeName: optionalText,
  // Issue and comment events carry the issue; the others name it by id (and may carry it too).
  issue: z.optional(forgeIssueSchema),
  changelog: z.optional(
    z.looseObject({
      id: z.optional(z.union([z.string(), z.number()])),
      items: z._default(z.array(changelogItemSchema), []),
    }),
  ),
  comment: z.optional(forgeCommentSchema),
  worklog: z.optional(forgeWorklogSchema),
  attachment: z.optional(forgeAttachmentSchema),
  issueLink: z.optional(forgeIssueLinkSchema),
  sla: z.optional(slaSnapshotSchema),
  retryContext: z.optional(
    z.looseObject({
      retryCount: safeInteger.check(z.minimum(0)),
      retryReason: optionalText,
      retryData: z.optional(z.unknown()),
    }),
  ),
});

export type ForgeEvent = z.infer<typeof forgeEventSchema>;
export type ChangelogItem = z.infer<typeof changelogItemSchema>;
