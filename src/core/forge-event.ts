import { z } from 'zod';

/**
 * The Forge product events this app subscribes to, validated loosely: Forge documents `issue.fields`
 * as a subset and marks several properties optional, so unknown properties pass through untouched.
 * Source: developer.atlassian.com/platform/forge/events-reference/jira (issue and comment events).
 */
export const FORGE_EVENT_TYPES = [
  'avi:jira:created:issue',
  'avi:jira:updated:issue',
  'avi:jira:deleted:issue',
  'avi:jira:assigned:issue',
  'avi:jira:commented:issue',
  'avi:jira:deleted:comment',
] as const;
export type ForgeEventType = (typeof FORGE_EVENT_TYPES)[number];

const userRef = z.looseObject({ accountId: z.string().optional() });

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

export const forgeEventSchema = z.looseObject({
  eventType: z.enum(FORGE_EVENT_TYPES),
  // Documented as epoch milliseconds; seen both as a string and a number.
  timestamp: z.union([z.string(), z.number()]).optional(),
  atlassianId: z.string().optional(),
  selfGenerated: z.boolean().optional(),
  jiraEventTypeName: z.string().optional(),
  issue: forgeIssueSchema,
  changelog: z
    .looseObject({
      id: z.union([z.string(), z.number()]).optional(),
      items: z.array(changelogItemSchema).default([]),
    })
    .optional(),
  comment: forgeCommentSchema.optional(),
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
