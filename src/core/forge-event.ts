import { z } from 'zod';

/**
 * The Forge product events this app subscribes to, validated loosely: Forge documents `issue.fields`
 * as a subset and marks several properties optional, so unknown properties pass through untouched.
 * Source: developer.atlassian.com/platform/forge/events-reference/jira (issue, comment, worklog,
 * attachment and issue link events); the scopes each needs come from @forge/manifest's
 * product-event-to-scope mapping (all read:jira-work).
 */
export const FORGE_EVENT_TYPES = [
  'avi:jira:created:issue',
  'avi:jira:updated:issue',
  'avi:jira:deleted:issue',
  'avi:jira:assigned:issue',
  'avi:jira:commented:issue',
  'avi:jira:deleted:comment',
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

const userRef = z.looseObject({ accountId: z.string().optional() });
const id = z.union([z.string().min(1), z.number().int()]).transform(String);

export const forgeIssueSchema = z.looseObject({
  id: z.string().min(1),
  key: z.string().min(1),
  fields: z.record(z.string(), z.unknown()).default({}),
});

export const changelogItemSchema = z.looseObject({
  field: z.string().optional(),
  fieldId: z.string().optional(),
  fieldtype: z.string().optional(),
  from: z.union([z.string(), z.null()]).optional(),
  fromString: z.union([z.string(), z.null()]).optional(),
  to: z.union([z.string(), z.null()]).optional(),
  toString: z.union([z.string(), z.null()]).optional(),
});

export const forgeCommentSchema = z.looseObject({
  id: z.string().min(1),
  author: userRef.optional(),
  updateAuthor: userRef.optional(),
  created: z.string().optional(),
  updated: z.string().optional(),
});

/** Worklog events carry the worklog (with its issue's id), not the issue: Jira's REST `Worklog` shape. */
export const forgeWorklogSchema = z.looseObject({ id, issueId: id.optional(), updated: z.string().optional() });

/** Whether Forge adds the issue id to an attachment is not documented: the issue may come on `issue` instead. */
export const forgeAttachmentSchema = z.looseObject({ id, issueId: id.optional() });

export const forgeIssueLinkSchema = z.looseObject({ id, sourceIssueId: id.optional(), destinationIssueId: id.optional() });

/** What the SLA scan found: one SLA of one issue, in one cycle (src/core/sla-event.ts). */
export const slaSnapshotSchema = z.looseObject({
  fieldId: z.string().min(1),
  name: z.string().min(1),
  cycleStartedAt: z.string().min(1),
  breachAt: z.string().optional(),
  breached: z.boolean(),
});

export const forgeEventSchema = z.looseObject({
  eventType: z.enum(EVENT_TYPES),
  // Documented as epoch milliseconds; seen both as a string and a number.
  timestamp: z.union([z.string(), z.number()]).optional(),
  atlassianId: z.string().optional(),
  selfGenerated: z.boolean().optional(),
  jiraEventTypeName: z.string().optional(),
  // Issue and comment events carry the issue; the others name it by id (and may carry it too).
  issue: forgeIssueSchema.optional(),
  changelog: z
    .looseObject({
      id: z.union([z.string(), z.number()]).optional(),
      items: z.array(changelogItemSchema).default([]),
    })
    .optional(),
  comment: forgeCommentSchema.optional(),
  worklog: forgeWorklogSchema.optional(),
  attachment: forgeAttachmentSchema.optional(),
  issueLink: forgeIssueLinkSchema.optional(),
  sla: slaSnapshotSchema.optional(),
  retryContext: z
    .looseObject({
      retryCount: z.number().int().min(0),
      retryReason: z.string().optional(),
      retryData: z.unknown().optional(),
    })
    .optional(),
});

export type ForgeEvent = z.infer<typeof forgeEventSchema>;
export type ChangelogItem = z.infer<typeof changelogItemSchema>;
