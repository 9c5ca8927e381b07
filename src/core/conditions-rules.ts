import { z } from 'zod';
import type { DeliveryConditions } from '../shared/contract';
import type { Assert, Equal, Keys } from './type-equality';

const textList = (message: string) =>
  z
    .array(z.string().trim().min(1, message).max(255, 'Use at most 255 characters'))
    .max(50, 'List at most 50')
    .optional()
    .transform((list) => (list && list.length > 0 ? list : undefined));

/** The delivery conditions as admins enter them; the stored shape is `storedConditionsSchema` (connection.ts). */
const conditionsObject = z.object({
  jql: z
    .string()
    .trim()
    .max(2000, 'Use at most 2000 characters')
    .optional()
    .transform((jql) => (jql ? jql : undefined)),
  issueTypes: textList('Enter an issue type name'),
  changedFields: z
    .array(z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'Field ids are names such as status, assignee or customfield_10010'))
    .max(50, 'List at most 50')
    .optional()
    .transform((list) => (list && list.length > 0 ? list : undefined)),
  ignoreAccountIds: z
    .array(z.string().trim().regex(/^[A-Za-z0-9:_-]{1,128}$/, 'Pick an Atlassian account'))
    .max(50, 'List at most 50')
    .optional()
    .transform((list) => (list && list.length > 0 ? list : undefined)),
});

export const conditionsSchema: z.ZodType<DeliveryConditions, unknown> = conditionsObject;
/** The type above hides extra properties; this keeps the rules from producing one the stored shape would drop. */
export type ConditionsRulesKeys = Assert<Equal<Keys<z.output<typeof conditionsObject>>, Keys<DeliveryConditions>>>;
