import { asApp, route } from '@forge/api';
import { z } from 'zod';
import type { IssueLookup, JiraClient } from '../services/ports';

const fetchedIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.string().optional(),
  fields: z.record(z.string(), z.unknown()),
});

/** Reads issues as the app (read:jira-work), so forwarding does not depend on who caused the event. */
export class ForgeJiraClient implements JiraClient {
  async getIssue(issueId: string): Promise<IssueLookup> {
    const response = await asApp().requestJira(route`/rest/api/3/issue/${issueId}`, {
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) return { found: false, status: response.status };
    const parsed = fetchedIssueSchema.safeParse(await response.json());
    // An answer that is not an issue is treated like no answer: the event's own fields are sent.
    if (!parsed.success) return { found: false, status: response.status };
    return { found: true, issue: parsed.data };
  }
}
