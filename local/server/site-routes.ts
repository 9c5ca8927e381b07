/**
 * `/api/site/...`: the event simulator's endpoints. Each operation acts as `accountId` (the "view as"
 * user), changes the fake site, and answers with the Forge events it emitted and the trigger reports.
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { LocalJiraSite, SimulationResult } from '../site/create-fake-jira-site';
import { SiteError } from '../site/site-error';
import { readJson } from './read-json';

const actor = z.object({ accountId: z.string().min(1) });
const createSchema = actor.extend({
  projectKey: z.string().min(1),
  summary: z.string().min(1),
  issueType: z.string().optional(),
  description: z.string().optional(),
  priority: z.string().optional(),
  labels: z.array(z.string()).optional(),
});
const editSchema = actor.extend({
  summary: z.string().optional(),
  priority: z.string().optional(),
  labels: z.array(z.string()).optional(),
  description: z.string().nullable().optional(),
});
const transitionSchema = actor.extend({ status: z.string().min(1) });
const assignSchema = actor.extend({ assigneeId: z.string().min(1).nullable() });
const commentSchema = actor.extend({ body: z.string().min(1) });
/** Epoch ms, or any date Date.parse reads (ISO 8601, Jira's `…+0000`). */
const instant = z.union([
  z.number().int(),
  z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'must be a date such as 2024-12-04T08:30:00.000+0000').transform((v) => Date.parse(v)),
]);
const worklogSchema = actor.extend({ timeSpentSeconds: z.number().int().positive(), comment: z.string().optional(), started: instant.optional() });
const worklogEditSchema = actor.extend({ timeSpentSeconds: z.number().int().positive().optional(), comment: z.string().optional(), started: instant.optional() });
const attachmentSchema = actor.extend({ fileName: z.string().min(1), mimeType: z.string().min(1).optional(), size: z.number().int().min(0).optional() });
const linkSchema = actor.extend({ destinationKey: z.string().min(1), type: z.string().min(1) });
const slaSchema = actor.extend({ sla: z.string().min(1), remainingMinutes: z.number() });
const restSchema = z.object({
  accountId: z.string().min(1).optional(),
  path: z.string().startsWith('/rest/'),
  method: z.string().default('GET'),
  headers: z.record(z.string(), z.string()).default({}),
  body: z.string().optional(),
});

async function perform<S extends z.ZodType>(
  c: Context,
  schema: S,
  op: (input: z.infer<S>) => Promise<SimulationResult>,
): Promise<Response> {
  const parsed = schema.safeParse(await readJson(c));
  if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
  try {
    return c.json(await op(parsed.data));
  } catch (err) {
    if (err instanceof SiteError) return c.json({ error: err.message, ...(err.field ? { field: err.field } : {}) }, err.status as 400);
    throw err;
  }
}

export function siteRoutes(site: LocalJiraSite): Hono {
  const app = new Hono();
  app.get('/api/site/projects', (c) => c.json(site.projects()));
  app.get('/api/site/issues', (c) => c.json(site.issues(c.req.query('project'))));

  app.post('/api/site/issues', (c) => perform(c, createSchema, ({ accountId, ...input }) => site.createIssue(accountId, input)));
  app.post('/api/site/issues/:key/edit', (c) => perform(c, editSchema, ({ accountId, ...input }) => site.editIssue(accountId, c.req.param('key'), input)));
  app.post('/api/site/issues/:key/transition', (c) =>
    perform(c, transitionSchema, ({ accountId, status }) => site.transitionIssue(accountId, c.req.param('key'), status)),
  );
  app.post('/api/site/issues/:key/assign', (c) =>
    perform(c, assignSchema, ({ accountId, assigneeId }) => site.assignIssue(accountId, c.req.param('key'), assigneeId)),
  );
  app.post('/api/site/issues/:key/delete', (c) => perform(c, actor, ({ accountId }) => site.deleteIssue(accountId, c.req.param('key'))));
  app.post('/api/site/issues/:key/comments', (c) =>
    perform(c, commentSchema, ({ accountId, body }) => site.addComment(accountId, c.req.param('key'), body)),
  );
  app.post('/api/site/issues/:key/comments/:commentId/edit', (c) =>
    perform(c, commentSchema, ({ accountId, body }) => site.editComment(accountId, c.req.param('key'), c.req.param('commentId'), body)),
  );
  app.post('/api/site/issues/:key/comments/:commentId/delete', (c) =>
    perform(c, actor, ({ accountId }) => site.deleteComment(accountId, c.req.param('key'), c.req.param('commentId'))),
  );

  app.post('/api/site/issues/:key/worklogs', (c) =>
    perform(c, worklogSchema, ({ accountId, ...input }) => site.logWork(accountId, c.req.param('key'), input)),
  );
  app.post('/api/site/issues/:key/worklogs/:worklogId/edit', (c) =>
    perform(c, worklogEditSchema, ({ accountId, ...input }) => site.editWorklog(accountId, c.req.param('key'), c.req.param('worklogId'), input)),
  );
  app.post('/api/site/issues/:key/worklogs/:worklogId/delete', (c) =>
    perform(c, actor, ({ accountId }) => site.deleteWorklog(accountId, c.req.param('key'), c.req.param('worklogId'))),
  );
  app.post('/api/site/issues/:key/attachments', (c) =>
    perform(c, attachmentSchema, ({ accountId, ...input }) => site.addAttachment(accountId, c.req.param('key'), input)),
  );
  app.post('/api/site/issues/:key/attachments/:attachmentId/delete', (c) =>
    perform(c, actor, ({ accountId }) => site.deleteAttachment(accountId, c.req.param('key'), c.req.param('attachmentId'))),
  );
  app.post('/api/site/issues/:key/links', (c) =>
    perform(c, linkSchema, ({ accountId, destinationKey, type }) => site.linkIssues(accountId, c.req.param('key'), destinationKey, type)),
  );
  app.post('/api/site/links/:linkId/delete', (c) => perform(c, actor, ({ accountId }) => site.deleteIssueLink(accountId, c.req.param('linkId'))));
  // SLA clocks move without any Forge event: the answer's `events` is empty and `issue` shows the new values.
  app.post('/api/site/issues/:key/sla', (c) =>
    perform(c, slaSchema, ({ accountId, sla, remainingMinutes }) => site.setSlaRemaining(accountId, c.req.param('key'), sla, remainingMinutes)),
  );

  // Product REST as a user, for the bridge's `requestJira` (fetchProduct) and for poking at the site by hand.
  app.post('/api/site/rest', async (c) => {
    const parsed = restSchema.safeParse(await readJson(c));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    const { accountId, path, method, headers, body } = parsed.data;
    const res = await site.handleRest({ path, method, headers, body, as: accountId ? { kind: 'user', accountId } : { kind: 'app' } });
    return c.json(res);
  });
  return app;
}
