import { DEFAULT_SLA_SETTINGS, relayConfigSchema, type StoredConnection } from '../../src/core/connection';
import { validRelayConfigSchema } from '../../src/core/connection-rules';

/**
 * The configuration is saved under the admin-input rules (connection-rules.ts, zod) and read back by its
 * stored shape (connection.ts, zod/mini: what the trigger runs).
 */
describe('stored configuration', () => {
  const connection = {
    id: '0b7c9a1e-1111-4222-8333-944445555666',
    name: 'Agent Studio',
    url: 'https://api.moveworks.ai/webhooks/v1/listeners/x/notify',
    enabled: true,
    events: ['issue_created'],
    projects: { mode: 'selected', projectKeys: [' SUP '] },
    rateLimitPerSecond: 5,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
  };

  it('fills the defaults of fields an older stored configuration lacks', () => {
    const read = relayConfigSchema.parse({ version: 1, connections: [connection], optIns: {} });
    expect(read.breakers).toEqual({});
    expect(read.sla).toEqual(DEFAULT_SLA_SETTINGS);
    expect(read.connections[0]).toMatchObject({ headers: [], payload: { format: 'jira' }, conditions: {} });
  });

  it('reads back exactly what a save wrote', () => {
    const saved = validRelayConfigSchema.parse({
      version: 1,
      connections: [
        {
          ...connection,
          headers: [{ name: ' X-Team ', value: 'relay' }],
          payload: { format: 'custom', template: '{"key": "{{issue.key}}"}', encoding: 'json' },
          conditions: { jql: '  project = SUP ', issueTypes: [], changedFields: ['status'] },
          signing: { secrets: [{ id: 'a1b2c3d4', createdAt: '2026-12-01T00:00:00.000Z' }] },
        },
      ],
      optIns: { other: ['SUP'] },
      sla: { warnBeforeMinutes: 15, slaNames: ['Time to first response', 'Time to first response'] },
    });
    // The rules normalise on the way in (trimmed, empty lists dropped, names deduplicated)...
    expect(saved.connections[0]).toMatchObject({ headers: [{ name: 'X-Team' }], projects: { projectKeys: ['SUP'] }, conditions: { jql: 'project = SUP' } });
    expect(saved.sla.slaNames).toEqual(['Time to first response']);
    // ...and what KVS keeps (JSON) reads back unchanged.
    const stored: unknown = JSON.parse(JSON.stringify(saved));
    expect(relayConfigSchema.parse(stored)).toEqual(stored);
  });

  it('refuses on save what the admin-input rules refuse, naming the field', () => {
    const save = (changes: Partial<Record<keyof StoredConnection, unknown>>) =>
      validRelayConfigSchema.safeParse({ version: 1, connections: [{ ...connection, ...changes }], optIns: {} });
    expect(save({ headers: [{ name: 'Authorization', value: 'x' }] }).error?.issues[0]?.path).toEqual(['connections', 0, 'headers', 0, 'name']);
    expect(save({ payload: { format: 'custom', template: '{"a": "{{nope}}"}', encoding: 'json' } }).error?.issues[0]?.path).toEqual(['connections', 0, 'payload', 'template']);
    expect(save({ id: 'Not An Id' }).error?.issues[0]?.path).toEqual(['connections', 0, 'id']);
  });

  it('reads a shape it does not expect as invalid, naming where', () => {
    const read = relayConfigSchema.safeParse({ version: 1, connections: [{ ...connection, rateLimitPerSecond: 0 }], optIns: {} });
    expect(read.error?.issues[0]?.path).toEqual(['connections', 0, 'rateLimitPerSecond']);
    expect(relayConfigSchema.safeParse({ version: 1, connections: [], optIns: { x: 'SUP' } }).error?.issues[0]?.path).toEqual(['optIns', 'x']);
  });
});
