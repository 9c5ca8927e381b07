import { z } from 'zod';
import { EVENT_KINDS, type EventKind } from '../shared/events';
import type { ProjectScope, SlaSettings } from '../shared/contract';
import { extraHeadersSchema } from './extra-headers';
import { conditionsSchema } from './conditions';
import { DEFAULT_PAYLOAD, payloadFormatSchema } from './payload-format';

/** Moveworks' conservative organisation-wide rate for secured listeners (receiver.md). */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 5;

/** Connection ids are UUIDs (lower-case hex and dashes); anything else names no connection. */
export const connectionIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown connection');

export const projectKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'Project keys are upper-case letters, digits and underscores, starting with a letter');

export const projectScopeSchema: z.ZodType<ProjectScope> = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }),
  z.object({ mode: z.literal('selected'), projectKeys: z.array(projectKeySchema).min(1, 'Pick at least one project') }),
  z.object({ mode: z.literal('optIn') }),
]);

/** A connection as stored in KVS (non-secret part; the token lives in a KVS secret). */
export const storedConnectionSchema = z.object({
  id: connectionIdSchema,
  name: z.string(),
  url: z.string(),
  enabled: z.boolean(),
  events: z.array(z.enum(EVENT_KINDS)),
  projects: projectScopeSchema,
  rateLimitPerSecond: z.number().positive(),
  headers: extraHeadersSchema.default([]),
  payload: payloadFormatSchema.default(DEFAULT_PAYLOAD),
  conditions: conditionsSchema.default({}),
  /** Standard Webhooks signing: the secrets themselves live in KVS secret storage, keyed by id. */
  signing: z
    .object({
      secrets: z.array(z.object({ id: z.string(), createdAt: z.string(), retiresAt: z.string().optional() })),
    })
    .optional(),
  token: z.object({ setAt: z.string(), setBy: z.string(), setByName: z.string().optional() }).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;

/** Everything the relay is configured with, stored under one KVS key so one read loads it all. */
export const DEFAULT_SLA_SETTINGS: SlaSettings = { warnBeforeMinutes: 30, slaNames: [] };

export const slaSettingsSchema: z.ZodType<SlaSettings, unknown> = z.object({
  warnBeforeMinutes: z
    .number({ error: 'Enter a number of minutes' })
    .int('Use whole minutes')
    .min(0, 'Use 0 for no warnings, or more')
    .max(10_080, 'Use at most 10080 minutes (a week)'),
  slaNames: z
    .array(z.string().trim().min(1, 'Enter an SLA name').max(255, 'Use at most 255 characters'))
    .max(50, 'List at most 50 SLAs')
    .transform((names) => [...new Set(names)]),
});

export const relayConfigSchema = z.object({
  version: z.literal(1),
  connections: z.array(storedConnectionSchema),
  /** connectionId → project keys whose admins opted in (only meaningful for `optIn` connections). */
  optIns: z.record(z.string(), z.array(z.string())),
  /** connectionId → an open circuit breaker: deliveries wait instead of being sent into a failing listener. */
  breakers: z.record(z.string(), z.object({ openedAt: z.number(), reason: z.string(), probeAt: z.number() })).default({}),
  sla: slaSettingsSchema.default(DEFAULT_SLA_SETTINGS),
});
export type RelayConfig = z.infer<typeof relayConfigSchema>;

export const EMPTY_CONFIG: RelayConfig = { version: 1, connections: [], optIns: {}, breakers: {}, sla: DEFAULT_SLA_SETTINGS };

export function wantsEvent(connection: StoredConnection, kinds: readonly EventKind[]): boolean {
  return kinds.some((kind) => connection.events.includes(kind));
}
