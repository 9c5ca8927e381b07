import { asApp, route } from '@forge/api';
// zod/mini, the tree-shakable form of zod: this runs in the trigger, whose bundle size is measured (bench).
import * as z from 'zod/mini';
import { jsonRecord } from '../core/mini-schemas';
import type { EventJira, IssueLookup } from '../services/ports';

export const fetchedIssueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  self: z.optional(z.string()),
  fields: jsonRecord(z.unknown()),
});
const idList = z._default(z.array(z.union([z.number(), z.string()])), []);
const jqlMatchSchema = z.object({
  matches: z.array(z.object({ matchedIssues: idList, errors: z._default(z.array(z.string()), []) })),
});
export type JqlMatch = z.infer<typeof jqlMatchSchema>['matches'][number];

export const JSON_HEADERS = { Accept: 'application/json' };

/**
 * What forwarding an event reads from Jira, as the app (read:jira-work), so forwarding does not depend on
 * who caused the event. The trigger uses this alone; ForgeJiraClient extends it for everything else.
 */
export class ForgeEventJira implements EventJira {
  async getIssue(issueIdOrKey: string): Promise<IssueLookup> {
    const response = await asApp().requestJira(route`/rest/api/3/issue/${issueIdOrKey}`, { headers: JSON_HEADERS });
    if (!response.ok) return { found: false, status: response.status };
    const parsed = fetchedIssueSchema.safeParse(await response.json());
    // An answer that is not an issue is treated like no answer: the event's own fields are sent.
    if (!parsed.success) return { found: false, status: response.status };
    return { found: true, issue: parsed.data };
  }

  async matchJql(jqls: readonly string[], issueId: string): Promise<boolean[]> {
    const matches = await this.jqlMatch(jqls, issueId);
    return matches.map((m) => m.errors.length === 0 && m.matchedIssues.map(String).includes(issueId));
  }

  protected async jqlMatch(jqls: readonly string[], issueId: string): Promise<JqlMatch[]> {
    // POST /rest/api/3/jql/match (read:jira-work): every connection's condition in one call per event.
    const response = await asApp().requestJira(route`/rest/api/3/jql/match`, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify({ jqls, issueIds: [Number(issueId)] }),
    });
    if (!response.ok) throw new Error(`JQL match answered ${response.status}`);
    return jqlMatchSchema.parse(await response.json()).matches;
  }
}
