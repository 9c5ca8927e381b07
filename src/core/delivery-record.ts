import type { DeliveryState } from '../shared/contract';

/** One attempt to deliver an event to a connection. Never holds a credential. */
export interface Attempt {
  at: string;
  status?: number;
  latencyMs: number;
  error?: string;
  responseExcerpt?: string;
}

export interface ConnectionDelivery {
  connectionId: string;
  connectionName: string;
  state: DeliveryState;
  attempts: Attempt[];
}

/** What is stored per event: one KVS write covers every connection the event went to. */
export interface EventDeliveryRecord {
  eventId: string;
  webhookEvent: string;
  issueKey?: string;
  projectKey?: string;
  eventTimestampMs: number;
  deliveries: ConnectionDelivery[];
}

/** How long delivery records are kept. */
export const DELIVERY_RECORD_TTL_DAYS = 30;
export const MAX_ATTEMPTS_KEPT = 10;

/**
 * Records sort newest first in a key-ordered KVS query: the key starts with the time remaining until
 * year 2286, zero-padded. Derived from the event's own timestamp, so a retry rewrites the same key.
 */
export function deliveryRecordKey(eventTimestampMs: number, eventId: string): string {
  const reverse = String(9_999_999_999_999 - Math.floor(eventTimestampMs)).padStart(13, '0');
  return `delivery:${reverse}:${eventId}`;
}

export const DELIVERY_KEY_PREFIX = 'delivery:';

export function appendAttempt(previous: Attempt[], attempt: Attempt): Attempt[] {
  return [...previous, attempt].slice(-MAX_ATTEMPTS_KEPT);
}
