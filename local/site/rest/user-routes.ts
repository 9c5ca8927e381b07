/** `/myself`, `/user?accountId=`, `/user/search?query=` and `/serverInfo`. */
import type { Hono } from 'hono';
import { hasGlobalPermission } from '../permissions';
import { appUser, jiraTime, userDetails, userFull } from '../representations';
import { SITE_BASE_URL } from '../site-constants';
import { jiraError, type RestEnv } from './rest-env';

export function registerUserRoutes(app: Hono<RestEnv>, now: () => number): void {
  app.get('/rest/api/3/myself', (c) => {
    const { caller } = c.env;
    if (caller.kind === 'app') return c.json(appUser());
    if (!caller.user) return jiraError(c, 401, 'You are not authenticated. Authentication required to perform this operation.');
    return c.json(userFull(caller.user));
  });

  app.get('/rest/api/3/user', (c) => {
    const accountId = c.req.query('accountId');
    if (!accountId) return jiraError(c, 400, 'The accountId query parameter needs to be provided.');
    const user = c.env.state.users.find((u) => u.accountId === accountId);
    if (!user) return jiraError(c, 404, 'Specified user does not exist or you do not have required permissions');
    return c.json(userFull(user));
  });

  app.get('/rest/api/3/user/search', (c) => {
    const text = c.req.query('query');
    const accountId = c.req.query('accountId');
    if (!text && !accountId) return jiraError(c, 400, "The query parameter 'query' or 'accountId' or 'property' is required.");
    if (!hasGlobalPermission(c.env.caller, 'USER_PICKER')) return jiraError(c, 403, 'You do not have the permission to browse users.');
    const needle = text?.toLowerCase();
    // Jira matches the start of any word of the display name, or the start of the email address.
    const found = c.env.state.users.filter(
      (u) =>
        (!accountId || u.accountId === accountId) &&
        (!needle || u.displayName.toLowerCase().split(/[\s-]+/).some((w) => w.startsWith(needle)) || u.displayName.toLowerCase().startsWith(needle) || (u.emailAddress ?? '').toLowerCase().startsWith(needle)),
    );
    const startAt = Number(c.req.query('startAt') ?? 0) || 0;
    const maxResults = Number(c.req.query('maxResults') ?? 50) || 50;
    return c.json(found.slice(startAt, startAt + maxResults).map(userDetails));
  });

  app.get('/rest/api/3/serverInfo', (c) =>
    c.json({
      baseUrl: SITE_BASE_URL,
      displayUrl: SITE_BASE_URL,
      version: '1001.0.0-SNAPSHOT',
      versionNumbers: [1001, 0, 0],
      deploymentType: 'Cloud',
      buildNumber: 100283,
      buildDate: '2024-11-28T00:00:00.000+0000',
      serverTime: jiraTime(now()),
      scmInfo: 'local-fake-site',
      serverTitle: 'Jira',
      defaultLocale: { locale: 'en_US' },
      serverTimeZone: 'Etc/UTC',
    }),
  );
}
