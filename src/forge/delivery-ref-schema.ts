import { z } from 'zod';
import { connectionIdSchema } from '../core/connection-rules';

/** Identifies one delivery: the event's webhook-id and the connection. */
export const deliveryRefSchema = z.object({
  eventId: z.string().regex(/^msg_[A-Za-z0-9_]{1,80}$/, 'Unknown delivery'),
  connectionId: connectionIdSchema,
});
