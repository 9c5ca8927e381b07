/**
 * `POST /rest/api/3/search/jql` (and its GET twin): Jira Cloud's enhanced search. Token pagination
 * (`nextPageToken`, absent on the last page, `isLast`), no `total`; only the issue id unless `fields` asks
 * for more; the query must be bounded; only issues the caller may browse.
 */
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { z } from 'zod';
import { compileJql, JqlError } from '../jql';
import { compileOrderBy, splitOrderBy } from '../jql-order';
import { canBrowse } from '../permissions';
import { restIssue } from '../rest-issue';
import { jiraError, type RestContext, type RestEnv } from './rest-env';

const INVALID_PAYLOAD = 'Invalid request payload. Refer to the REST API documentation and try again.';

const body = z.object({
  jql: z.string().default(''),
  fields: z.array(z.string()).optional(),
  maxResults: z.number().int().min(1).default(50),
  nextPageToken: z.string().nullable().optional(),
  // Accepted for compatibility; field ids and keys are the same on this site.
  fieldsByKeys: z.boolean().optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).optional(),
});
type SearchRequest = z.infer<typeof body>;

const query = z.object({
  jql: z.string().default(''),
  fields: z.string().optional(),
  maxResults: z.coerce.number().int().min(1).default(50),
  nextPageToken: z.string().optional(),
});

/** The token names the query it belongs to, so a token replayed with another query is refused. */
const fingerprint = (jql: string, fields: readonly string[]): string =>
  createHash('sha256').update(JSON.stringify([jql, fields])).digest('hex').slice(0, 16);

const encodeToken = (offset: number, fp: string): string => Buffer.from(JSON.stringify({ o: offset, q: fp })).toString('base64url');

const tokenSchema = z.object({ o: z.number().int().min(0), q: z.string() });

function decodeToken(token: string, fp: string): number | undefined {
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(Buffer.from(token, 'base64url').toString('utf8')));
    return parsed.success && parsed.data.q === fp ? parsed.data.o : undefined;
  } catch {
    return undefined;
  }
}

/** Jira returns up to 5000 ids per page, fewer when whole issues are asked for. */
function pageSize(requested: number, fields: readonly string[]): number {
  const wide = fields.some((f) => f === '*all' || f === '*navigable');
  return Math.min(requested, wide ? 100 : 5000);
}

function search(c: RestContext, req: SearchRequest, now: number): Response {
  const { state, caller } = c.env;
  const fields = req.fields ?? [];
  const { where, orderBy } = splitOrderBy(req.jql);
  if (where.trim() === '') return jiraError(c, 400, 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  let predicate: ReturnType<typeof compileJql>;
  let compare: ReturnType<typeof compileOrderBy>;
  try {
    predicate = compileJql(state, req.jql, now);
    compare = compileOrderBy(orderBy);
  } catch (err) {
    if (err instanceof JqlError) return jiraError(c, 400, err.message);
    throw err;
  }
  const fp = fingerprint(req.jql, fields);
  const offset = req.nextPageToken ? decodeToken(req.nextPageToken, fp) : 0;
  if (offset === undefined) return jiraError(c, 400, 'The provided next page token is invalid or expired.');

  const browsable = new Set(state.projects.filter((p) => canBrowse(caller, p)).map((p) => p.key));
  const matching = state.issues.filter((i) => browsable.has(i.projectKey) && predicate(i)).sort(compare);
  const page = matching.slice(offset, offset + pageSize(req.maxResults, fields));
  const isLast = offset + page.length >= matching.length;
  return c.json({
    issues: page.map((issue) => restIssue(state, issue, now, fields, 'none')),
    ...(isLast ? {} : { nextPageToken: encodeToken(offset + page.length, fp) }),
    isLast,
  });
}

export function registerSearchRoutes(app: Hono<RestEnv>, now: () => number): void {
  app.post('/rest/api/3/search/jql', async (c) => {
    const parsed = body.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return jiraError(c, 400, INVALID_PAYLOAD);
    return search(c, parsed.data, now());
  });

  app.get('/rest/api/3/search/jql', (c) => {
    const parsed = query.safeParse(c.req.query());
    if (!parsed.success) return jiraError(c, 400, INVALID_PAYLOAD);
    const { fields, ...rest } = parsed.data;
    return search(c, { ...rest, fields: fields?.split(',') }, now());
  });
}
