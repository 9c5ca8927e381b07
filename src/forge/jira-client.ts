import { asApp, route } from '@forge/api';
import { z } from 'zod';
import type { RequiredPermission } from '../shared/access';
import type { ProjectSummary, UserSummary } from '../shared/contract';
import { SLA_FIELD_TYPE } from '../core/sla-event';
import type { FetchedIssue } from '../core/webhook-body';
import type { JiraClient, SlaField } from '../services/ports';
import { fetchedIssueSchema, ForgeEventJira, JSON_HEADERS } from './event-jira';

const projectPageSchema = z.object({
  isLast: z.boolean().optional(),
  values: z.array(z.looseObject({ id: z.string(), key: z.string(), name: z.string() })),
});
const permissionCheckSchema = z.object({
  projectPermissions: z.array(z.object({ permission: z.string(), projects: z.array(z.union([z.number(), z.string()])).default([]) })).default([]),
});
const fieldListSchema = z.array(z.looseObject({ id: z.string(), name: z.string(), schema: z.looseObject({ custom: z.string().optional() }).optional() }));
const searchPageSchema = z.looseObject({ issues: z.array(fetchedIssueSchema).default([]), nextPageToken: z.string().nullish() });
const jiraErrorsSchema = z.looseObject({ errorMessages: z.array(z.string()).default([]) });
const userSchema = z.looseObject({ accountId: z.string(), displayName: z.string().default(''), emailAddress: z.string().optional() });

const PAGE_SIZE = 50;
const MAX_PROJECTS_PER_CHECK = 1_000;
/** A safety stop for very large sites: 2,000 projects are checked at most. */
const MAX_PROJECT_PAGES = 40;

/** Reads Jira as the app (read:jira-work, read:jira-user): the trigger's reads (ForgeEventJira) and the rest. */
export class ForgeJiraClient extends ForgeEventJira implements JiraClient {
  async listProjects(): Promise<ProjectSummary[]> {
    const projects: ProjectSummary[] = [];
    for (let page = 0; page < MAX_PROJECT_PAGES; page++) {
      const params = new URLSearchParams({ startAt: String(page * PAGE_SIZE), maxResults: String(PAGE_SIZE), orderBy: 'key' });
      const response = await asApp().requestJira(route`/rest/api/3/project/search?${params}`, { headers: JSON_HEADERS });
      if (!response.ok) throw new Error(`Project search answered ${response.status}`);
      const parsed = projectPageSchema.parse(await response.json());
      projects.push(...parsed.values.map(({ id, key, name }) => ({ id, key, name })));
      if (parsed.isLast !== false || parsed.values.length < PAGE_SIZE) break;
    }
    return projects;
  }

  async projectPermissionsOf(
    accountId: string,
    projectIds: readonly string[],
    permissions: readonly RequiredPermission[],
  ): Promise<Map<string, Set<RequiredPermission>>> {
    const granted = new Map<string, Set<RequiredPermission>>(projectIds.map((id) => [id, new Set()]));
    // Jira checks at most 1,000 projects per call.
    for (let i = 0; i < projectIds.length; i += MAX_PROJECTS_PER_CHECK) {
      const chunk = projectIds.slice(i, i + MAX_PROJECTS_PER_CHECK);
      // POST /rest/api/3/permissions/check needs no classic scope (platform.md "Scopes"); project ids are numbers.
      const response = await asApp().requestJira(route`/rest/api/3/permissions/check`, {
        method: 'POST',
        headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' },
        body: JSON.stringify({ accountId, projectPermissions: [{ permissions, projects: chunk.map(Number) }] }),
      });
      if (!response.ok) throw new Error(`Permission check answered ${response.status}`);
      const parsed = permissionCheckSchema.parse(await response.json());
      for (const entry of parsed.projectPermissions) {
        const key = entry.permission as RequiredPermission;
        if (!permissions.includes(key)) continue;
        for (const id of entry.projects) granted.get(String(id))?.add(key);
      }
    }
    return granted;
  }

  async jqlProblem(jql: string): Promise<string | undefined> {
    // jql/match needs an issue id; an unknown one matches nothing but the query is still checked.
    const [match] = await this.jqlMatch([jql], '1');
    return match && match.errors.length > 0 ? `Jira does not accept this JQL: ${match.errors.join(' ')}` : undefined;
  }

  async slaFields(): Promise<SlaField[]> {
    // GET /rest/api/3/field (read:jira-work): SLAs are custom fields of the JSM SLA type.
    const response = await asApp().requestJira(route`/rest/api/3/field`, { headers: JSON_HEADERS });
    if (!response.ok) throw new Error(`Field list answered ${response.status}`);
    return fieldListSchema
      .parse(await response.json())
      .filter((field) => field.schema?.custom === SLA_FIELD_TYPE)
      .map(({ id, name }) => ({ id, name }));
  }

  async searchIssues(query: { jql: string; fields: readonly string[]; maxResults: number; nextPageToken?: string }): Promise<{ issues: FetchedIssue[]; nextPageToken?: string }> {
    // POST /rest/api/3/search/jql: the enhanced search that replaced /rest/api/3/search (token pagination).
    const response = await asApp().requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify(query),
    });
    if (!response.ok) {
      const errors = jiraErrorsSchema.safeParse(await response.json().catch(() => ({})));
      const detail = errors.success && errors.data.errorMessages.length > 0 ? `: ${errors.data.errorMessages.join(' ')}` : '';
      throw new Error(`Jira search answered ${response.status}${detail}`);
    }
    const page = searchPageSchema.parse(await response.json());
    return { issues: page.issues, nextPageToken: page.nextPageToken ?? undefined };
  }

  async getUser(accountId: string): Promise<UserSummary | undefined> {
    const params = new URLSearchParams({ accountId });
    const response = await asApp().requestJira(route`/rest/api/3/user?${params}`, { headers: JSON_HEADERS });
    if (response.status === 404) return undefined;
    // Anything else that is not OK is Jira's trouble, not an unknown account: say so rather than mislead.
    if (!response.ok) throw new Error(`User lookup answered ${response.status}`);
    const parsed = userSchema.safeParse(await response.json());
    return parsed.success ? { accountId: parsed.data.accountId, displayName: parsed.data.displayName, emailAddress: parsed.data.emailAddress } : undefined;
  }
}
