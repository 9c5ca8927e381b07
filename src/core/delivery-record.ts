import type { EventKind } from '../shared/events';
import type { DeliveryState } from '../shared/contract';

/** One attempt to deliver an event to a connection. Never holds a credential. */
export interface Attempt {
  at: string;
  status?: number;
  latencyMs: number;
  error?: string;
  responseExcerpt?: string;
  manual?: boolean;
}

/** What is kept to show and replay the exact request: headers masked, body as sent. */
export interface StoredRequest {
  url: string;
  headers: Record<string, string>;
  /** The body as sent, when small enough to store (see MAX_STORED_BODY_BYTES). */
  body?: string;
  /** The body's media type when it is not JSON (a form-encoded template). */
  contentType?: string;
  /** The Forge event, kept instead of a body too large to store, so a redelivery can rebuild it. */
  event?: unknown;
}

/**
 * One event sent to one connection, stored as a Forge custom entity (`delivery` in manifest.yml) so the
 * log can be filtered by connection, state, issue, project and time through indexes. Flat attributes
 * are the indexed ones; `detail` holds the rest.
 */
export interface DeliveryRecord {
  eventId: string;
  connectionId: string;
  connectionName: string;
  webhookEvent: string;
  issueKey: string;
  /** Empty when the event carried no project. */
  projectKey: string;
  state: DeliveryState;
  /** Epoch ms when the relay first handled the event for this connection. */
  createdAt: number;
  /** Epoch ms of the latest attempt. */
  updatedAt: number;
  /** HTTP status of the latest attempt, 0 when none came back. */
  status: number;
  attempts: number;
  latencyMs: number;
  detail: {
    attemptLog: Attempt[];
    request: StoredRequest;
    /** Epoch ms of the next scheduled attempt while `retrying`. */
    nextAttemptAt?: number;
    /** Set when the listener said the connection is wrong (401/403/404), shown with the verdict's advice. */
    configurationError?: string;
    /** Why the delivery waits without an attempt: the host's rate limit, or the connection's open breaker. */
    waitingFor?: 'rate-limit' | 'breaker';
    /** The listener's Retry-After as a wall-clock floor (epoch ms) for the next attempt. */
    notBefore?: number;
    /** Attempts answered 429: they wait their Retry-After and do not advance the backoff schedule. */
    rateLimitedAttempts?: number;
    /**
     * The event as the connection asked for it, the most specific of its kinds ("Issue transitioned", not
     * the webhook name's "Issue updated"): what the log shows. Absent in records written before it existed.
     */
    eventKind?: EventKind;
  };
}

export const DELIVERY_ENTITY = 'delivery';
/** How long delivery records are kept. */
export const DELIVERY_RECORD_TTL_DAYS = 30;
export const MAX_ATTEMPTS_KEPT = 20;
/**
 * Entity values are limited to 240 KiB (bytes); a body above this many UTF-8 bytes is replaced by the
 * (smaller) Forge event, leaving room for the attempt log and headers.
 */
export const MAX_STORED_BODY_BYTES = 120_000;

/** KVS keys allow `a-zA-Z0-9:._-#` and spaces; event and connection ids use only those. */
export function deliveryKey(eventId: string, connectionId: string): string {
  return `${eventId}:${connectionId}`;
}

export function appendAttempt(previous: readonly Attempt[], attempt: Attempt): Attempt[] {
  return [...previous, attempt].slice(-MAX_ATTEMPTS_KEPT);
}

export function storedRequest(url: string, maskedHeaders: Record<string, string>, body: string, rawEvent: unknown): StoredRequest {
  if (utf8Bytes(body) <= MAX_STORED_BODY_BYTES) return { url, headers: maskedHeaders, body };
  return utf8Bytes(JSON.stringify(rawEvent) ?? '') <= MAX_STORED_BODY_BYTES ? { url, headers: maskedHeaders, event: rawEvent } : { url, headers: maskedHeaders };
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The record after one more attempt. */
/** The delivery ended `failed` without a request: an attempt that is only its reason. */
export function failedWith(record: DeliveryRecord, error: string, atMs: number): DeliveryRecord {
  return withAttempt(record, { at: new Date(atMs).toISOString(), latencyMs: 0, error }, 'failed', atMs);
}

export function withAttempt(record: DeliveryRecord, attempt: Attempt, state: DeliveryState, atMs: number): DeliveryRecord {
  return {
    ...record,
    state,
    updatedAt: atMs,
    status: attempt.status ?? 0,
    attempts: record.attempts + 1,
    latencyMs: attempt.latencyMs,
    detail: { ...record.detail, attemptLog: appendAttempt(record.detail.attemptLog, attempt) },
  };
}
