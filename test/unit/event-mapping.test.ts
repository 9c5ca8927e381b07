import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeEvent } from '../../src/core/normalize-event';
import { buildWebhookBody, type FetchedIssue } from '../../src/core/webhook-body';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(__dirname, '../fixtures/forge-events', `${name}.json`), 'utf8')) as Record<string, unknown>;

const NOW = Date.parse('2026-12-04T12:00:00Z');

const fetched: FetchedIssue = {
  id: '10001',
  key: 'SUP-1',
  self: 'https://relay-dev.atlassian.net/rest/api/3/issue/10001',
  fields: { summary: 'Full summary', priority: { name: 'High' }, labels: ['sso'], description: { type: 'doc', version: 1, content: [] } },
};

describe.each([
  ['issue-created', 'jira:issue_created', 'issue_created', ['issue_created']],
  ['issue-updated-field', 'jira:issue_updated', 'issue_updated', ['issue_updated']],
  ['issue-updated-status', 'jira:issue_updated', 'issue_generic', ['issue_updated', 'issue_transitioned']],
  ['issue-assigned', 'jira:issue_updated', 'issue_assigned', ['issue_assigned']],
  ['issue-deleted', 'jira:issue_deleted', 'issue_deleted', ['issue_deleted']],
  ['comment-created', 'comment_created', 'issue_commented', ['comment_created']],
  ['comment-updated', 'comment_updated', 'issue_comment_edited', ['comment_updated']],
  ['comment-deleted', 'comment_deleted', 'issue_comment_deleted', ['comment_deleted']],
] as const)('%s', (name, webhookEvent, typeName, kinds) => {
  const raw = fixture(name);
  const event = normalizeEvent(raw, NOW);

  it(`maps to ${webhookEvent} / ${typeName}`, () => {
    expect(event.webhookEvent).toBe(webhookEvent);
    expect(event.issueEventTypeName).toBe(typeName);
    expect(event.kinds).toEqual(kinds);
  });

  it('keeps the issue, project and actor from the event', () => {
    expect(event.issue).toMatchObject({ id: '10001', key: 'SUP-1', projectKey: 'SUP', projectId: '10000' });
    expect(event.actorAccountId).toBe(raw.atlassianId);
    expect(event.timestampMs).toBe(Number(raw.timestamp));
  });

  it('gets the same id when Forge delivers it twice, even as a retry', () => {
    const again = normalizeEvent({ ...structuredClone(raw), retryContext: { retryCount: 2 } }, NOW + 60_000);
    expect(again.id).toBe(event.id);
    expect(event.id).toMatch(/^msg_[0-9a-f]{32}$/);
  });

  it('builds a Jira webhook body with the full fetched fields and a v2 self link', () => {
    const body = buildWebhookBody(event, fetched);
    expect(body).toMatchObject({
      eventId: event.id,
      webhookEvent,
      issue_event_type_name: typeName,
      timestamp: Number(raw.timestamp),
      user: { accountId: raw.atlassianId },
      issue: { id: '10001', key: 'SUP-1', self: 'https://relay-dev.atlassian.net/rest/api/2/issue/10001', fields: fetched.fields },
      issueFetched: true,
    });
  });

  it('falls back to the event’s own fields when the issue cannot be fetched', () => {
    const body = buildWebhookBody(event, undefined);
    expect(body.issueFetched).toBe(false);
    expect(body.issue.fields).toEqual((raw.issue as { fields: unknown }).fields);
    expect(body.issue.self).toBeUndefined();
  });
});

describe('event details', () => {
  it('gives different events different ids', () => {
    const ids = ['issue-created', 'issue-updated-field', 'issue-updated-status', 'comment-created', 'comment-updated'].map(
      (name) => normalizeEvent(fixture(name), NOW).id,
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('records the status change of a transition', () => {
    expect(normalizeEvent(fixture('issue-updated-status'), NOW).statusChange).toEqual({ from: 'To Do', to: 'In Progress' });
  });

  it('sends the changelog and the comment as Jira does', () => {
    const update = buildWebhookBody(normalizeEvent(fixture('issue-updated-field'), NOW), fetched);
    expect(update.changelog?.items.length).toBeGreaterThan(0);
    const comment = buildWebhookBody(normalizeEvent(fixture('comment-created'), NOW), fetched);
    expect(comment.comment).toMatchObject({ id: expect.any(String) as string, body: expect.anything() as unknown });
  });

  it('names the comment author as the user of a comment event, without inventing a display name', () => {
    const body = buildWebhookBody(normalizeEvent(fixture('comment-created'), NOW), fetched);
    expect(JSON.parse(JSON.stringify(body.user))).toEqual({ accountId: '5b10ac8d82e05b22cc7d4e04' });
  });

  it('refuses events it does not subscribe to, naming what is wrong', () => {
    expect(() => normalizeEvent({ eventType: 'avi:jira:viewed:issue', issue: { id: '1', key: 'A-1', fields: {} } }, NOW)).toThrow(/eventType/);
    expect(() => normalizeEvent({ eventType: 'avi:jira:created:issue' }, NOW)).toThrow(/issue/);
  });
});
