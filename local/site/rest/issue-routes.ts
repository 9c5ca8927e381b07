/** `GET /rest/api/3/issue/{issueIdOrKey}`. */
import type { Hono } from 'hono';
import { restIssue } from '../rest-issue';
import { jiraError, visibleIssue, type RestEnv } from './rest-env';

export function registerIssueRoutes(app: Hono<RestEnv>, now: () => number): void {
  app.get('/rest/api/3/issue/:idOrKey', (c) => {
    const issue = visibleIssue(c, c.req.param('idOrKey'));
    if (!issue) return jiraError(c, 404, 'Issue does not exist or you do not have permission to see it.');
    return c.json(restIssue(c.env.state, issue, now(), (c.req.query('fields') ?? '').split(',')));
  });
}
