/** `GET /rest/api/3/project/search`: paginated, filtered to projects the caller can browse. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { canBrowse } from '../permissions';
import { projectSearchItem } from '../representations';
import { SITE_BASE_URL } from '../site-constants';
import { jiraError, type RestEnv } from './rest-env';

const query = z.object({
  startAt: z.coerce.number().int().min(0).default(0),
  maxResults: z.coerce.number().int().min(0).default(50),
  query: z.string().optional(),
});

export function registerProjectRoutes(app: Hono<RestEnv>): void {
  app.get('/rest/api/3/project/search', (c) => {
    const parsed = query.safeParse(c.req.query());
    if (!parsed.success) return jiraError(c, 400, 'Invalid pagination or query parameters.');
    const { startAt, query: text } = parsed.data;
    // Jira caps a page at 100 whatever the caller asks for.
    const maxResults = Math.min(parsed.data.maxResults, 100);
    const keys = c.req.queries('keys')?.flatMap((k) => k.split(',')).map((k) => k.toUpperCase());
    const needle = text?.toLowerCase();
    const matching = c.env.state.projects
      .filter((p) => canBrowse(c.env.caller, p))
      .filter((p) => !keys || keys.includes(p.key))
      .filter((p) => !needle || p.key.toLowerCase().includes(needle) || p.name.toLowerCase().includes(needle))
      .sort((a, b) => a.key.localeCompare(b.key));
    const page = matching.slice(startAt, startAt + maxResults);
    const isLast = startAt + page.length >= matching.length;
    const self = (at: number) => `${SITE_BASE_URL}/rest/api/3/project/search?maxResults=${maxResults}&startAt=${at}${text ? `&query=${encodeURIComponent(text)}` : ''}`;
    return c.json({
      self: self(startAt),
      ...(isLast ? {} : { nextPage: self(startAt + maxResults) }),
      maxResults,
      startAt,
      total: matching.length,
      isLast,
      values: page.map(projectSearchItem),
    });
  });
}
