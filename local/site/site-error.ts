/** An operation the site refuses, with the HTTP status and Jira-style message to answer with. */
export class SiteError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SiteError';
  }

  /** Jira's error body: `{ errorMessages: [...], errors: { field: message } }`. */
  toJiraBody(): { errorMessages: string[]; errors: Record<string, string> } {
    return this.field ? { errorMessages: [], errors: { [this.field]: this.message } } : { errorMessages: [this.message], errors: {} };
  }
}
