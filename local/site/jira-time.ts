/** Jira's timestamp format: `2024-12-04T09:00:00.000+0000` (the site runs in UTC). */
export function jiraTime(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+0000');
}
