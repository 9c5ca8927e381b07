import { z } from 'zod';
import type { ProjectScope, SlaSettings } from '../shared/contract';
import { conditionsSchema } from './conditions-rules';
import { DEFAULT_PAYLOAD, DEFAULT_SLA_SETTINGS, relayConfigSchema, storedConnectionSchema, type RelayConfig } from './connection';
import { extraHeadersSchema } from './extra-headers';
import { payloadFormatSchema } from './payload-format';
import type { Assert, Equal } from './type-equality';

/*
 * The rules what admins enter must follow, with the messages they see: resolvers check input with
 * these, and every configuration save checks the whole configuration with them again. The shapes they
 * produce are defined once, in connection.ts (zod/mini, what the trigger reads).
 */

/** Connection ids are UUIDs (lower-case hex and dashes); anything else names no connection. */
export const connectionIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown connection');

export const projectKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{0,254}$/, 'Project keys are upper-case letters, digits and underscores, starting with a letter');

const projectScopes = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }),
  z.object({ mode: z.literal('selected'), projectKeys: z.array(projectKeySchema).min(1, 'Pick at least one project') }),
  z.object({ mode: z.literal('optIn') }),
]);
export const projectScopeSchema: z.ZodType<ProjectScope> = projectScopes;

const slaSettings = z.object({
  warnBeforeMinutes: z
    .number({ error: 'Enter a number of minutes' })
    .int('Use whole minutes')
    .min(0, 'Use 0 for no warnings, or more')
    .max(10_080, 'Use at most 10080 minutes (a week)')
    // The scan runs every five minutes: a shorter warning time could fall between two scans.
    .refine((minutes) => minutes === 0 || minutes >= 5, 'Use 0 for no warnings, or at least 5 minutes (the scan runs every five minutes)'),
  slaNames: z
    .array(z.string().trim().min(1, 'Enter an SLA name').max(255, 'Use at most 255 characters'))
    .max(50, 'List at most 50 SLAs')
    .transform((names) => [...new Set(names)]),
});
export const slaSettingsSchema: z.ZodType<SlaSettings, unknown> = slaSettings;

/**
 * The stored shape with the admin-input rules in place of the plain fields: what a save must satisfy.
 * zod and zod/mini schemas share zod's core, so the stored (mini) fields compose with these.
 */
export const validConnectionSchema = z.object({
  ...storedConnectionSchema.shape,
  id: connectionIdSchema,
  projects: projectScopeSchema,
  headers: extraHeadersSchema.default([]),
  payload: payloadFormatSchema.default(DEFAULT_PAYLOAD),
  conditions: conditionsSchema.default({}),
});

export const validRelayConfigSchema = z.object({
  ...relayConfigSchema.shape,
  connections: z.array(validConnectionSchema),
  sla: slaSettingsSchema.default(DEFAULT_SLA_SETTINGS),
});

/**
 * The rules produce exactly the stored shape (connection.ts pins that shape to the contract's types). The
 * annotated schemas above hide extra properties behind their declared type, so their own output is pinned too.
 */
export type RulesMatchStoredShape = [
  Assert<Equal<z.output<typeof validRelayConfigSchema>, RelayConfig>>,
  Assert<Equal<z.output<typeof projectScopes>, ProjectScope>>,
  Assert<Equal<z.output<typeof slaSettings>, SlaSettings>>,
];
