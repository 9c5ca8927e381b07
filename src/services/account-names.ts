import type { UserSummary } from '../shared/contract';
import type { JiraClient } from './ports';

/** Names for stored account ids, so the admin page shows people, not ids; an id Jira cannot name stays bare. */
export async function accountNames(jira: JiraClient, accountIds: readonly string[] | undefined): Promise<UserSummary[]> {
  return Promise.all(
    (accountIds ?? []).map(async (accountId) => {
      try {
        return (await jira.getUser(accountId)) ?? { accountId, displayName: '' };
      } catch {
        return { accountId, displayName: '' };
      }
    }),
  );
}
