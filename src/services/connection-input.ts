import { z } from 'zod';
import { EVENT_KINDS } from '../shared/events';
import { DEFAULT_PAYLOAD, DEFAULT_RATE_LIMIT_PER_SECOND } from '../core/connection';
import { connectionIdSchema, projectScopeSchema } from '../core/connection-rules';
import { conditionsSchema } from '../core/conditions-rules';
import { extraHeadersSchema } from '../core/extra-headers';
import { payloadFormatSchema } from '../core/payload-format';

/** The admin page's connection form, validated on the server. Field names match `ConnectionInput`. */
export const connectionInputSchema = z.object({
  id: connectionIdSchema.optional(),
  name: z.string().trim().min(1, 'Enter a name').max(100, 'Use at most 100 characters'),
  url: z.string().trim().min(1, 'Enter the listener URL').max(2000, 'The URL is too long'),
  enabled: z.boolean().default(true),
  events: z.array(z.enum(EVENT_KINDS)).min(1, 'Pick at least one event'),
  projects: projectScopeSchema,
  headers: extraHeadersSchema.default([]),
  payload: payloadFormatSchema.default(DEFAULT_PAYLOAD),
  conditions: conditionsSchema.default({}),
  rateLimitPerSecond: z
    .number()
    .positive('Use a rate above 0')
    .max(50, 'Agent Studio accepts at most 50 requests per second')
    .default(DEFAULT_RATE_LIMIT_PER_SECOND),
  token: z
    .string()
    .trim()
    .min(8, 'The API key looks too short')
    .max(4096, 'The API key is too long')
    .regex(/^\S+$/, 'The API key cannot contain spaces')
    .optional(),
  expectedUpdatedAt: z.string().max(40, 'Not a time').optional(),
});
export type ValidConnectionInput = z.infer<typeof connectionInputSchema>;
