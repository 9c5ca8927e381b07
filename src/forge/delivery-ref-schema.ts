import { z } from 'zod';

/** Identifies one delivery: the event's webhook-id and the connection. */
export const deliveryRefSchema = z.object({
  eventId: z.string().regex(/^msg_[A-Za-z0-9_]{1,80}$/, 'Unknown delivery'),
  connectionId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown connection'),
});
