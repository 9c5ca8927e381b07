/** The fake Jira REST API as a Hono app; `handleRest` feeds it requests with the caller in the env. */
import { Hono } from 'hono';
import { SiteError } from '../site-error';
import { registerFieldRoutes } from './field-routes';
import { registerIssueRoutes } from './issue-routes';
import { registerJqlRoutes } from './jql-routes';
import { registerPermissionRoutes } from './permission-routes';
import { registerProjectRoutes } from './project-routes';
import type { RestEnv } from './rest-env';
import { registerSearchRoutes } from './search-routes';
import { registerUserRoutes } from './user-routes';

export function createRestApp(now: () => number): Hono<RestEnv> {
  const app = new Hono<RestEnv>();
  registerIssueRoutes(app, now);
  registerFieldRoutes(app);
  registerPermissionRoutes(app);
  registerProjectRoutes(app);
  registerJqlRoutes(app, now);
  registerSearchRoutes(app, now);
  registerUserRoutes(app, now);
  app.notFound((c) => c.json(new SiteError(404, `No REST resource at ${c.req.method} ${new URL(c.req.url).pathname} on the fake Jira site.`).toJiraBody(), 404));
  return app;
}
