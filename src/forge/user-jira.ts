import { asUser, route } from '@forge/api';
import { z } from 'zod';
import type { ProjectSummary, UserSummary } from '../shared/contract';
import type { UserJira } from '../services/ports';

const projectPageSchema = z.object({
  values: z.array(z.looseObject({ id: z.string(), key: z.string(), name: z.string() })),
});
const myselfSchema = z.looseObject({ displayName: z.string().optional() });
const usersSchema = z.array(
  z.looseObject({ accountId: z.string(), displayName: z.string().default(''), emailAddress: z.string().optional(), accountType: z.string().optional() }),
);

/** Calls made as the resolver's caller (`asUser()`), so they see only what that user may see. */
export class ForgeUserJira implements UserJira {
  async searchProjects(query: string): Promise<ProjectSummary[]> {
    // GET /rest/api/3/project/search (GET /rest/api/3/project is deprecated; platform.md "Scopes").
    const params = new URLSearchParams({ query, maxResults: '20', orderBy: 'key' });
    const response = await asUser().requestJira(route`/rest/api/3/project/search?${params}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) return [];
    const parsed = projectPageSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.values.map(({ id, key, name }) => ({ id, key, name })) : [];
  }

  async searchUsers(query: string): Promise<UserSummary[]> {
    const params = new URLSearchParams({ query, maxResults: '20' });
    const response = await asUser().requestJira(route`/rest/api/3/user/search?${params}`, { headers: { Accept: 'application/json' } });
    if (!response.ok) return [];
    const parsed = usersSchema.safeParse(await response.json());
    if (!parsed.success) return [];
    return parsed.data.map(({ accountId, displayName, emailAddress }) => ({ accountId, displayName, emailAddress }));
  }

  async canSeeIssue(issueKey: string): Promise<boolean> {
    // Jira answers 404 both for a missing issue and for one the caller may not browse.
    const response = await asUser().requestJira(route`/rest/api/3/issue/${issueKey}?fields=id`, { headers: { Accept: 'application/json' } });
    if (response.status === 404 || response.status === 403) return false;
    // Jira busy or failing is not "you cannot see it": the admin gets an error to retry, not a false answer.
    if (!response.ok) throw new Error(`Jira answered ${response.status} when checking the issue; try again in a moment`);
    return true;
  }

  async myDisplayName(): Promise<string | undefined> {
    const response = await asUser().requestJira(route`/rest/api/3/myself`, { headers: { Accept: 'application/json' } });
    if (!response.ok) return undefined;
    const parsed = myselfSchema.safeParse(await response.json());
    return parsed.success ? parsed.data.displayName : undefined;
  }
}
