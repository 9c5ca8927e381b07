/**
 * The persisted shape of the fake site (`<dataDir>/site.json`). Stored data is validated with zod on
 * load because the file is hand-editable and survives code changes.
 */
import { z } from 'zod';

const adfSchema = z.object({ type: z.literal('doc'), version: z.number(), content: z.array(z.unknown()) });
export type AdfDoc = z.infer<typeof adfSchema>;

const userSchema = z.object({
  accountId: z.string(),
  displayName: z.string(),
  emailAddress: z.string().optional(),
  siteAdmin: z.boolean(),
  projectAdminOf: z.array(z.string()),
  serviceAccount: z.boolean().optional(),
  /** Projects this account may browse regardless of the default rule (service accounts). */
  browseOnly: z.array(z.string()).optional(),
  timeZone: z.string(),
});

const projectSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  projectTypeKey: z.string(),
  avatarId: z.number(),
  leadAccountId: z.string(),
  /** Restricted projects are browsable by site and project admins only. */
  restricted: z.boolean(),
});

const commentSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  updateAuthorId: z.string(),
  body: adfSchema,
  created: z.number(),
  updated: z.number(),
});

const worklogSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  updateAuthorId: z.string(),
  comment: adfSchema.nullable(),
  created: z.number(),
  updated: z.number(),
  started: z.number(),
  timeSpentSeconds: z.number().int().positive(),
});

const attachmentSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int().min(0),
  authorId: z.string(),
  created: z.number(),
});

const issueLinkSchema = z.object({
  id: z.string(),
  typeId: z.string(),
  /** The outward side ("SUP-1 blocks ENG-1": SUP-1 is the source). */
  sourceIssueId: z.string(),
  destinationIssueId: z.string(),
  created: z.number(),
});

/** JSM SLA clocks of one issue, keyed by SLA field id (customfield_10030…). */
const slaStateSchema = z.object({
  /** Cycle starts moved by the simulator's `setSlaRemaining`; the default start is the issue's creation. */
  startOverrides: z.record(z.string(), z.number()).default({}),
  /** When each cycle completed, recorded at the change that stopped it (a later edit does not restart it). */
  completedAt: z.record(z.string(), z.number()).default({}),
});

const issueSchema = z.object({
  id: z.string(),
  key: z.string(),
  projectKey: z.string(),
  summary: z.string(),
  description: adfSchema.nullable(),
  issueTypeId: z.string(),
  statusId: z.string(),
  priorityId: z.string(),
  labels: z.array(z.string()),
  assigneeId: z.string().nullable(),
  reporterId: z.string(),
  creatorId: z.string(),
  created: z.number(),
  updated: z.number(),
  resolutionDate: z.number().nullable(),
  /** JSM "Request Type" (customfield_10010); null outside service projects. */
  requestType: z.string().nullable(),
  comments: z.array(commentSchema),
  // The fields below came later: defaults keep site.json files written before them loadable.
  worklogs: z.array(worklogSchema).default([]),
  attachments: z.array(attachmentSchema).default([]),
  sla: slaStateSchema.default({ startOverrides: {}, completedAt: {} }),
});

export const siteStateSchema = z.object({
  version: z.literal(1),
  users: z.array(userSchema),
  projects: z.array(projectSchema),
  issues: z.array(issueSchema),
  issueLinks: z.array(issueLinkSchema).default([]),
  counters: z.object({
    issueId: z.number(),
    commentId: z.number(),
    changelogId: z.number(),
    projectIssueNumber: z.record(z.string(), z.number()),
    worklogId: z.number().default(10300),
    attachmentId: z.number().default(10400),
    issueLinkId: z.number().default(10500),
  }),
});

export type StoredUser = z.infer<typeof userSchema>;
export type StoredProject = z.infer<typeof projectSchema>;
export type StoredComment = z.infer<typeof commentSchema>;
export type StoredIssue = z.infer<typeof issueSchema>;
export type StoredWorklog = z.infer<typeof worklogSchema>;
export type StoredAttachment = z.infer<typeof attachmentSchema>;
export type StoredIssueLink = z.infer<typeof issueLinkSchema>;
export type SiteState = z.infer<typeof siteStateSchema>;

export function adfText(text: string): AdfDoc {
  return { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] };
}

/** Plain text of an ADF document, for changelog `fromString`/`toString` and JQL. */
export function adfToPlain(doc: AdfDoc | null): string {
  if (!doc) return '';
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { text?: unknown; content?: unknown };
    if (typeof n.text === 'string') parts.push(n.text);
    if (Array.isArray(n.content)) n.content.forEach(walk);
  };
  walk(doc);
  return parts.join('');
}
