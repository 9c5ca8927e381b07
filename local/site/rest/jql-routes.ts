/** `POST /rest/api/3/jql/match`: which of the given issues each JQL query matches, for this caller. */
import type { Hono } from 'hono';
import { z } from 'zod';
import { compileJql, JqlError } from '../jql';
import { jiraError, visibleIssue, type RestEnv } from './rest-env';

const body = z.object({
  jqls: z.array(z.string()).min(1),
  issueIds: z.array(z.union([z.number().int(), z.string().regex(/^\d+$/)])).min(1),
});

export function registerJqlRoutes(app: Hono<RestEnv>, now: () => number): void {
  app.post('/rest/api/3/jql/match', async (c) => {
    const parsed = body.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return jiraError(c, 400, 'Invalid request payload. Refer to the REST API documentation and try again.');
    const issues = parsed.data.issueIds.map(String).flatMap((id) => {
      const issue = visibleIssue(c, id);
      return issue ? [issue] : [];
    });
    const matches = parsed.data.jqls.map((jql) => {
      try {
        const predicate = compileJql(c.env.state, jql, now());
        return { matchedIssues: issues.filter(predicate).map((i) => Number(i.id)), errors: [] as string[] };
      } catch (err) {
        if (!(err instanceof JqlError)) throw err;
        return { matchedIssues: [] as number[], errors: [err.message] };
      }
    });
    return c.json({ matches });
  });
}
