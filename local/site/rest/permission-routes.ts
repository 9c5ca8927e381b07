/** `GET /rest/api/3/mypermissions` and `POST /rest/api/3/permissions/check`, answered per caller. */
import type { Hono } from 'hono';
import { z } from 'zod';
import {
  hasGlobalPermission,
  hasProjectPermission,
  isGlobalPermission,
  isProjectPermission,
  PERMISSION_INFO,
  resolveCaller,
  type Caller,
} from '../permissions';
import type { StoredProject } from '../site-state';
import { jiraError, visibleIssue, visibleProject, type RestContext, type RestEnv } from './rest-env';

function projectScope(c: RestContext): StoredProject | null | Response {
  const key = c.req.query('projectKey');
  const id = c.req.query('projectId');
  const issueRef = c.req.query('issueKey') ?? c.req.query('issueId');
  if (key !== undefined || id !== undefined) {
    const project = visibleProject(c, (key ?? id) as string);
    if (!project) return jiraError(c, 404, key !== undefined ? `No project could be found with key '${key}'.` : `No project could be found with id '${id}'.`);
    return project;
  }
  if (issueRef !== undefined) {
    const issue = visibleIssue(c, issueRef);
    if (!issue) return jiraError(c, 404, 'Issue does not exist or you do not have permission to see it.');
    return c.env.state.projects.find((p) => p.key === issue.projectKey) ?? null;
  }
  return null;
}

export function registerPermissionRoutes(app: Hono<RestEnv>): void {
  app.get('/rest/api/3/mypermissions', (c) => {
    const raw = c.req.query('permissions');
    if (!raw) return jiraError(c, 400, 'The permissions query parameter is required.');
    const keys = raw.split(',').map((k) => k.trim()).filter(Boolean);
    const unknown = keys.filter((k) => !isGlobalPermission(k) && !isProjectPermission(k));
    if (unknown.length > 0) return jiraError(c, 400, `Unrecognized permission keys: ${unknown.join(', ')}`);
    const scope = projectScope(c);
    if (scope instanceof Response) return scope;
    const { caller, state } = c.env;
    const permissions: Record<string, unknown> = {};
    for (const key of keys) {
      const info = PERMISSION_INFO[key as keyof typeof PERMISSION_INFO];
      let have: boolean;
      if (isGlobalPermission(key)) have = hasGlobalPermission(caller, key);
      else if (!isProjectPermission(key)) have = false;
      // Without a project, Jira answers whether the caller holds the permission in at least one project.
      else have = scope ? hasProjectPermission(caller, scope, key) : state.projects.some((p) => hasProjectPermission(caller, p, key));
      permissions[key] = { id: info.id, key, name: info.name, type: isGlobalPermission(key) ? 'GLOBAL' : 'PROJECT', description: info.description, havePermission: have };
    }
    return c.json({ permissions });
  });

  const idList = z.array(z.union([z.number().int(), z.string().regex(/^\d+$/)])).default([]);
  const checkBody = z.object({
    accountId: z.string().min(1).optional(),
    globalPermissions: z.array(z.string()).default([]),
    projectPermissions: z.array(z.object({ permissions: z.array(z.string()).min(1), projects: idList, issues: idList })).default([]),
  });

  app.post('/rest/api/3/permissions/check', async (c) => {
    const parsed = checkBody.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return jiraError(c, 400, `Invalid request payload. Refer to the REST API documentation and try again.`);
    const body = parsed.data;
    const { state, caller: self } = c.env;
    const requested = [...body.globalPermissions, ...body.projectPermissions.flatMap((p) => p.permissions)];
    const unknown = requested.filter((k) => !isGlobalPermission(k) && !isProjectPermission(k));
    if (unknown.length > 0) return jiraError(c, 400, `Unrecognized permission keys: ${[...new Set(unknown)].join(', ')}`);

    let subject: Caller = self;
    if (body.accountId !== undefined) {
      const isSelf = self.kind === 'user' && self.user?.accountId === body.accountId;
      // Checking someone else needs Administer Jira; apps may always do it.
      if (!isSelf && self.kind === 'user' && !hasGlobalPermission(self, 'ADMINISTER')) {
        return jiraError(c, 403, 'You do not have permission to check the permissions of other users.');
      }
      subject = resolveCaller(state, { kind: 'user', accountId: body.accountId });
    }

    const globalPermissions = body.globalPermissions.filter((k) => isGlobalPermission(k) && hasGlobalPermission(subject, k));
    const projectPermissions = body.projectPermissions.flatMap((entry) =>
      entry.permissions.map((permission) => {
        const granted = (project: StoredProject | undefined): boolean =>
          !!project && isProjectPermission(permission) && hasProjectPermission(subject, project, permission);
        const projects = entry.projects.map(Number).filter((id) => granted(state.projects.find((p) => p.id === String(id))));
        const issues = entry.issues.map(Number).filter((id) => {
          const issue = state.issues.find((i) => i.id === String(id));
          return granted(issue && state.projects.find((p) => p.key === issue.projectKey));
        });
        return { permission, projects, issues };
      }),
    );
    return c.json({ globalPermissions, projectPermissions });
  });
}
