import { asUser, route } from '@forge/api';

/**
 * Checks made AS THE CALLING USER: `asUser()` acts for the invocation's principal, the only identity
 * in a resolver call that cannot be forged (platform.md "UI and resolvers").
 */
interface MyPermissions {
  permissions?: Record<string, { havePermission?: boolean }>;
}

async function myPermissions(query: URLSearchParams): Promise<MyPermissions | undefined> {
  const response = await asUser().requestJira(route`/rest/api/3/mypermissions?${query}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) return undefined;
  return (await response.json()) as MyPermissions;
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
