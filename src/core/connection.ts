// zod/mini, the tree-shakable form of zod: the trigger reads the stored configuration with these
// schemas, and its bundle size is measured (bench). The admin-input rules are in connection-rules.ts.
import * as z from 'zod/mini';
import { EVENT_KINDS, type EventKind } from '../shared/events';
import type { DeliveryConditions, ExtraHeader, PayloadFormat, ProjectScope, SlaSettings } from '../shared/contract';
import { jsonRecord } from './mini-schemas';
import type { Assert, Equal } from './type-equality';

/** Moveworks' conservative organisation-wide rate for secured listeners (receiver.md). */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 5;
/** Jira's webhook format with every field: the default, and what a connection stored before payload formats existed sends. */
export const DEFAULT_PAYLOAD: PayloadFormat = { format: 'jira' };
export const DEFAULT_SLA_SETTINGS: SlaSettings = { warnBeforeMinutes: 30, slaNames: [] };

/*
 * The SHAPE of what is stored. Everything stored was checked on its way in by the admin-input rules
 * (connection-rules.ts: lengths, patterns, friendly messages, templates that compile), and is checked
 * again by them on every save (KvsConfigStore.update); reading it back checks the shape and fills the
 * defaults of fields added since (older stored configurations lack them).
 */
const text = z.string();
const optionalTexts = z.optional(z.array(text));

// z.union rather than z.discriminatedUnion: each option's literal already tells them apart, so the result
// is the same, and the trigger's minified bundle is 1.8 KB smaller (bench/lib/sizes.ts).

export const storedProjectScopeSchema = z.union([
  z.object({ mode: z.literal('all') }),
  z.object({ mode: z.literal('selected'), projectKeys: z.array(text) }),
  z.object({ mode: z.literal('optIn') }),
]);

export const storedHeadersSchema = z.array(z.object({ name: text, value: text }));

export const storedPayloadFormatSchema = z.union([
  z.object({ format: z.literal('jira'), fields: optionalTexts, includeChanges: z.optional(z.boolean()) }),
  z.object({ format: z.literal('custom'), template: text, encoding: z.enum(['json', 'form']) }),
]);

export const storedConditionsSchema = z.object({
  jql: z.optional(text),
  issueTypes: optionalTexts,
  changedFields: optionalTexts,
  ignoreAccountIds: optionalTexts,
});

export const storedSlaSettingsSchema = z.object({ warnBeforeMinutes: z.number(), slaNames: z.array(text) });

/** A connection as stored in KVS (non-secret part; the token lives in a KVS secret). */
export const storedConnectionSchema = z.object({
  id: text,
  name: text,
  url: text,
  enabled: z.boolean(),
  events: z.array(z.enum(EVENT_KINDS)),
  projects: storedProjectScopeSchema,
  // Positive: the pacer divides by it (src/core/pacer.ts).
  rateLimitPerSecond: z.number().check(z.positive()),
  headers: z._default(storedHeadersSchema, []),
  payload: z._default(storedPayloadFormatSchema, DEFAULT_PAYLOAD),
  conditions: z._default(storedConditionsSchema, {}),
  /** Standard Webhooks signing: the secrets themselves live in KVS secret storage, keyed by id. */
  signing: z.optional(z.object({ secrets: z.array(z.object({ id: text, createdAt: text, retiresAt: z.optional(text) })) })),
  token: z.optional(z.object({ setAt: text, setBy: text, setByName: z.optional(text) })),
  createdAt: text,
  updatedAt: text,
});
export type StoredConnection = z.infer<typeof storedConnectionSchema>;

/** Everything the relay is configured with, stored under one KVS key so one read loads it all. */
export const relayConfigSchema = z.object({
  version: z.literal(1),
  connections: z.array(storedConnectionSchema),
  /** connectionId → project keys whose admins opted in (only meaningful for `optIn` connections). */
  optIns: jsonRecord(z.array(text)),
  /** connectionId → an open circuit breaker: deliveries wait instead of being sent into a failing listener. */
  breakers: z._default(jsonRecord(z.object({ openedAt: z.number(), reason: text, probeAt: z.number() })), {}),
  sla: z._default(storedSlaSettingsSchema, DEFAULT_SLA_SETTINGS),
});
export type RelayConfig = z.infer<typeof relayConfigSchema>;

/**
 * The stored shapes are exactly the types the resolver contract names (and that the admin-input rules
 * produce: connection-rules.ts checks its side): a field added to one and not the other fails to compile
 * instead of being silently dropped when the configuration is read back.
 */
export type StoredShapesMatchContract = [
  Assert<Equal<z.output<typeof storedProjectScopeSchema>, ProjectScope>>,
  Assert<Equal<z.output<typeof storedHeadersSchema>, ExtraHeader[]>>,
  Assert<Equal<z.output<typeof storedPayloadFormatSchema>, PayloadFormat>>,
  Assert<Equal<z.output<typeof storedConditionsSchema>, DeliveryConditions>>,
  Assert<Equal<z.output<typeof storedSlaSettingsSchema>, SlaSettings>>,
];

export const EMPTY_CONFIG: RelayConfig = { version: 1, connections: [], optIns: {}, breakers: {}, sla: DEFAULT_SLA_SETTINGS };

export function wantsEvent(connection: StoredConnection, kinds: readonly EventKind[]): boolean {
  return kinds.some((kind) => connection.events.includes(kind));
}
