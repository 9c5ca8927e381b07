/** A query Jira refuses; the message is worded as Jira words it (jql/match `errors`, search 400 bodies). */
export class JqlError extends Error {}
