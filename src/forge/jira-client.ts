import { asApp, route } from '@forge/api';
import type { FetchedIssue } from '../core/webhook-body';
import type { IssueLookup, JiraClient } from '../services/ports';

/** Reads issues as the app (read:jira-work), so forwarding does not depend on who caused the event. */
export class ForgeJiraClient implements JiraClient {
  async getIssue(issueId: string): Promise<IssueLookup> {
    const response = await asApp().requestJira(route`/rest/api/3/issue/${issueId}`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return { found: false, status: response.status };
    const issue = (await response.json()) as FetchedIssue;
    return { found: true, issue };
  }
}
