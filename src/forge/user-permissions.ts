import { asUser, route } from '@forge/api';
import { z } from 'zod';

/**
 * Checks made AS THE CALLING USER: `asUser()` acts for the invocation's principal, the only identity
 * in a resolver call that cannot be forged (platform.md "UI and resolvers").
 */
const myPermissionsSchema = z.object({
  permissions: z.record(z.string(), z.looseObject({ havePermission: z.boolean().optional() })).optional(),
});
type MyPermissions = z.infer<typeof myPermissionsSchema>;

async function myPermissions(query: URLSearchParams): Promise<MyPermissions | undefined> {
  const response = await asUser().requestJira(route`/rest/api/3/mypermissions?${query}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) return undefined;
  // An answer that does not parse grants nothing.
  const parsed = myPermissionsSchema.safeParse(await response.json());
  return parsed.success ? parsed.data : undefined;
}

/** Jira admin: the global ADMINISTER permission. */
export async function callerIsJiraAdmin(): Promise<boolean> {
  const result = await myPermissions(new URLSearchParams({ permissions: 'ADMINISTER' }));
  return result?.permissions?.ADMINISTER?.havePermission === true;
}

/** Administer Projects on this project, or Jira admin. Unknown or invisible projects answer false. */
export async function callerCanAdministerProject(projectKey: string): Promise<boolean> {
  const result = await myPermissions(new URLSearchParams({ projectKey, permissions: 'ADMINISTER_PROJECTS,ADMINISTER' }));
  const granted = result?.permissions ?? {};
  return granted.ADMINISTER_PROJECTS?.havePermission === true || granted.ADMINISTER?.havePermission === true;
}
