import type { DeliveryDetail, DeliveryView } from '../shared/contract';
import type { DeliveryRecord } from '../core/delivery-record';

/** A row of the delivery log. */
export function toDeliveryView(record: DeliveryRecord): DeliveryView {
  const last = record.detail.attemptLog.at(-1);
  return {
    eventId: record.eventId,
    connectionId: record.connectionId,
    connectionName: record.connectionName,
    webhookEvent: record.webhookEvent,
    eventKind: record.detail.eventKind,
    issueKey: record.issueKey || undefined,
    projectKey: record.projectKey || undefined,
    state: record.state,
    status: record.status || undefined,
    latencyMs: record.attempts > 0 ? record.latencyMs : undefined,
    attempts: record.attempts,
    createdAt: new Date(record.createdAt).toISOString(),
    lastAttemptAt: new Date(record.updatedAt).toISOString(),
    responseExcerpt: last?.responseExcerpt,
    error: last?.error,
    nextAttemptAt: record.state === 'retrying' && record.detail.nextAttemptAt ? new Date(record.detail.nextAttemptAt).toISOString() : undefined,
    note: noteFor(record),
  };
}

function noteFor(record: DeliveryRecord): string | undefined {
  if (record.detail.configurationError) return record.detail.configurationError;
  if (record.state !== 'retrying') return undefined;
  if (record.detail.waitingFor === 'breaker') return 'Paused: the listener kept failing, so deliveries wait until a probe succeeds.';
  if (record.detail.waitingFor === 'rate-limit') return 'Waiting for a slot under the listener’s rate limit.';
  return undefined;
}

/** The detail panel: the stored request (credential already masked when stored) and every attempt. */
export function toDeliveryDetail(record: DeliveryRecord): DeliveryDetail {
  const { request } = record.detail;
  return {
    ...toDeliveryView(record),
    request: {
      method: 'POST',
      url: request.url,
      headers: request.headers,
      body: request.body ?? '',
      bodyTruncated: request.body === undefined ? true : undefined,
    },
    attemptLog: record.detail.attemptLog.map((a) => ({ ...a })),
  };
}

/** Headers the app itself sets; anything else on a request is an admin's extra header. */
const APP_HEADERS = new Set(['content-type', 'user-agent', 'authorization', 'webhook-id', 'webhook-timestamp', 'webhook-signature', 'x-relay-test']);

/**
 * What a project admin sees of a delivery: the same detail with extra header values hidden, since Jira
 * admins may have put credentials there despite the advice, and a project admin did not set them.
 */
export function forProjectAdmin(detail: DeliveryDetail): DeliveryDetail {
  const headers = Object.fromEntries(
    Object.entries(detail.request.headers).map(([name, value]) => [name, APP_HEADERS.has(name.toLowerCase()) ? value : '****']),
  );
  return { ...detail, request: { ...detail.request, headers } };
}
