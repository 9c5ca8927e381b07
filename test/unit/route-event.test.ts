import { EMPTY_CONFIG, type RelayConfig, type StoredConnection } from '../../src/core/connection';
import { normalizeEvent } from '../../src/core/normalize-event';
import { routeEvent } from '../../src/core/route-event';

const connection = (overrides: Partial<StoredConnection>): StoredConnection => ({
  id: 'c1',
  name: 'Listener',
  url: 'https://api.moveworks.ai/webhooks/v1/listeners/x/notify',
  enabled: true,
  events: ['issue_created', 'issue_updated'],
  projects: { mode: 'all' },
  rateLimitPerSecond: 5,
  headers: [],
  payload: { format: 'jira' },
  conditions: {},
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...overrides,
});

const event = (eventType: string, projectKey: string, changelogField?: string) =>
  normalizeEvent(
    {
      eventType,
      timestamp: '1733300000000',
      issue: { id: '1', key: `${projectKey}-1`, fields: { project: { id: '9', key: projectKey } } },
      ...(changelogField ? { changelog: { items: [{ field: changelogField, fieldId: changelogField, fromString: 'A', toString: 'B' }] } } : {}),
    },
    0,
  );

const ids = (config: RelayConfig, e: ReturnType<typeof event>): string[] => routeEvent(e, config).map((c) => c.id);

describe('routeEvent', () => {
  it('sends to enabled connections subscribed to the event', () => {
    const config: RelayConfig = {
      ...EMPTY_CONFIG,
      optIns: {},
      connections: [connection({ id: 'a' }), connection({ id: 'b', enabled: false }), connection({ id: 'c', events: ['comment_created'] })],
    };
    expect(ids(config, event('avi:jira:created:issue', 'SUP'))).toEqual(['a']);
  });

  it('delivers a transition to connections that want updates or only transitions', () => {
    const config: RelayConfig = {
      ...EMPTY_CONFIG,
      optIns: {},
      connections: [connection({ id: 'updates' }), connection({ id: 'transitions', events: ['issue_transitioned'] })],
    };
    expect(ids(config, event('avi:jira:updated:issue', 'SUP', 'status'))).toEqual(['updates', 'transitions']);
    expect(ids(config, event('avi:jira:updated:issue', 'SUP', 'summary'))).toEqual(['updates']);
  });

  it('honours selected projects and project opt-ins', () => {
    const config: RelayConfig = {
      ...EMPTY_CONFIG,
      optIns: { optin: ['ENG'] },
      connections: [connection({ id: 'selected', projects: { mode: 'selected', projectKeys: ['SUP'] } }), connection({ id: 'optin', projects: { mode: 'optIn' } })],
    };
    expect(ids(config, event('avi:jira:created:issue', 'SUP'))).toEqual(['selected']);
    expect(ids(config, event('avi:jira:created:issue', 'ENG'))).toEqual(['optin']);
    expect(ids(config, event('avi:jira:created:issue', 'HR'))).toEqual([]);
  });
});

describe('assignments', () => {
  const config = (events: StoredConnection['events']): RelayConfig => ({ ...EMPTY_CONFIG, connections: [connection({ id: 'c', events })] });

  it('reach a connection that wants both updates and assignments once, through the assigned event', () => {
    const both = config(['issue_updated', 'issue_assigned']);
    expect(ids(both, event('avi:jira:updated:issue', 'SUP', 'assignee'))).toEqual([]);
    expect(ids(both, event('avi:jira:assigned:issue', 'SUP'))).toEqual(['c']);
  });

  it('reach a connection that wants only updates through the update', () => {
    const updates = config(['issue_updated']);
    expect(ids(updates, event('avi:jira:updated:issue', 'SUP', 'assignee'))).toEqual(['c']);
    expect(ids(updates, event('avi:jira:assigned:issue', 'SUP'))).toEqual([]);
  });

  it('still send an update that changed more than the assignee', () => {
    expect(ids(config(['issue_updated', 'issue_assigned']), event('avi:jira:updated:issue', 'SUP', 'summary'))).toEqual(['c']);
  });
});
