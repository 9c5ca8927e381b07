import type { DeliveryDetail, DeliveryRef } from '../shared/contract';
import { classifyAttempt } from '../core/classify-attempt';
import { withAttempt, type DeliveryRecord } from '../core/delivery-record';
import { toDeliveryDetail } from './delivery-views';
import { rebuildBody } from './rebuild-body';
import { retryJobFor } from './retry-job';
import type { AttemptClaims, Clock, ConfigStore, DeliveryStore, HttpSender, JiraClient, RetryQueue, SecretStore } from './ports';
import { RelayError } from './relay-error';
import { sendToListener } from './send-to-listener';
import { loadSigningSecrets } from './signing';

export interface RedeliverDeps {
  deliveries: DeliveryStore;
  configStore: ConfigStore;
  secrets: SecretStore;
  http: HttpSender;
  jira: JiraClient;
  queue: RetryQueue;
  claims: AttemptClaims;
  clock: Clock;
  userAgent: string;
}

const TIMEOUT_MS = 10_000;

/** One delivery, or NOT_FOUND; `projectKey` limits a project admin to their project's deliveries. */
export async function getDelivery(store: DeliveryStore, ref: DeliveryRef, projectKey?: string): Promise<DeliveryRecord> {
  const record = await store.get(ref.eventId, ref.connectionId);
  // Another project's delivery answers exactly like a missing one, so its existence is not revealed.
  if (!record || (projectKey !== undefined && record.projectKey !== projectKey)) {
    throw new RelayError('NOT_FOUND', 'This delivery is no longer in the log (records are kept for 30 days).');
  }
  return record;
}

/**
 * Sends a recorded delivery again, now, with the SAME webhook-id so the listener can tell it is the same
 * event; the connection's current URL, key and headers are used, so a fixed configuration takes effect.
 */
export async function redeliver(deps: RedeliverDeps, ref: DeliveryRef, projectKey?: string): Promise<DeliveryDetail> {
  const record = await getDelivery(deps.deliveries, ref, projectKey);
  const config = await deps.configStore.load();
  const connection = config.connections.find((c) => c.id === record.connectionId);
  if (!connection) throw new RelayError('NOT_FOUND', `The connection “${record.connectionName}” was deleted, so there is nowhere to redeliver to.`);
  // An automatic retry may be sending this very attempt right now: one of the two sends, never both.
  if (!(await deps.claims.claim(record.eventId, record.connectionId, record.attempts + 1))) {
    throw new RelayError('CONFLICT', 'An automatic retry of this delivery is being sent right now. Look again in a moment.');
  }
  const body = record.detail.request.body ?? (await rebuildBody(deps, record, connection));
  if (body === undefined) throw new RelayError('CONFLICT', 'This delivery’s body was too large to keep, so it cannot be sent again.');
  const token = await deps.secrets.getToken(connection.id);
  const { result, attempt, maskedHeaders } = await sendToListener(deps.http, deps.clock, {
    url: connection.url,
    token,
    eventId: record.eventId,
    body,
    timeoutMs: TIMEOUT_MS,
    userAgent: deps.userAgent,
    extraHeaders: connection.headers,
    contentType: record.detail.request.contentType,
    signingSecrets: await loadSigningSecrets(deps.secrets, connection, deps.clock.now()),
    manual: true,
  });
  const delivered = classifyAttempt(result.outcome) === 'success';
  // A manual attempt never ends automatic retries still scheduled for the event.
  const state = delivered ? 'delivered' : record.state === 'retrying' ? 'retrying' : 'failed';
  const updated = withAttempt(
    { ...record, connectionName: connection.name, detail: { ...record.detail, request: { ...record.detail.request, url: connection.url, headers: maskedHeaders } } },
    attempt,
    state,
    deps.clock.now(),
  );
  await deps.deliveries.putMany([updated]);
  if (updated.state === 'retrying') {
    // The queued retry was for the attempt number this redelivery just used: schedule the next one at
    // the time the old one was due, so automatic retries go on.
    const now = deps.clock.now();
    const waitSeconds = Math.max(0, Math.ceil(((record.detail.nextAttemptAt ?? now) - now) / 1000));
    await deps.queue.push([retryJobFor(updated, config, { waitSeconds, notBefore: record.detail.notBefore })]);
  }
  return toDeliveryDetail(updated);
}
