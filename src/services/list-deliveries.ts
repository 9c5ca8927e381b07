import { z } from 'zod';
import { connectionIdSchema } from '../core/connection-rules';
import type { DeliveryPage } from '../shared/contract';
import { toDeliveryView } from './delivery-views';
import type { DeliveryStore } from './ports';

/** The delivery log's filters as the pages send them; `projectKey` is set by the server, never the payload. */
const deliveryFilterFields = z.object({
    connectionId: connectionIdSchema.optional(),
    state: z.enum(['delivered', 'retrying', 'failed']).optional(),
    issueKey: z
      .string()
      .trim()
      .transform((key) => key.toUpperCase())
      .pipe(z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'Enter an issue key such as SUP-12'))
      .optional()
      .or(z.literal('').transform(() => undefined)),
    from: z.iso.datetime({ offset: true, message: 'Enter a date and time' }).optional(),
    to: z.iso.datetime({ offset: true, message: 'Enter a date and time' }).optional(),
    limit: z.number().int().min(1).max(100).default(25),
    cursor: z.string().max(4000).optional(),
});

const startBeforeEnd = (f: { from?: string; to?: string }): boolean => !f.from || !f.to || Date.parse(f.from) <= Date.parse(f.to);
const RANGE_ERROR = { message: 'The start must be before the end', path: ['to'] };

export const deliveryFilterSchema = deliveryFilterFields.refine(startBeforeEnd, RANGE_ERROR);
/** The project page's filters: its project is fixed by the page, so there is no connection filter either. */
export const projectDeliveryFilterSchema = deliveryFilterFields.omit({ connectionId: true }).refine(startBeforeEnd, RANGE_ERROR);
export type DeliveryFilterInput = z.infer<typeof deliveryFilterFields>;

/** Recent deliveries, newest first, one row per event and connection. */
export async function listDeliveries(store: DeliveryStore, filter: DeliveryFilterInput, projectKey?: string): Promise<DeliveryPage> {
  const page = await store.query({
    connectionId: filter.connectionId,
    state: filter.state,
    issueKey: filter.issueKey,
    projectKey,
    fromMs: filter.from ? Date.parse(filter.from) : undefined,
    toMs: filter.to ? Date.parse(filter.to) : undefined,
    limit: filter.limit,
    cursor: filter.cursor,
  });
  return { deliveries: page.records.map(toDeliveryView), nextCursor: page.nextCursor };
}
