import type { StoredConnection } from '../core/connection';
import type { DeliveryRecord } from '../core/delivery-record';
import { normalizeEvent } from '../core/normalize-event';
import { renderPayload } from '../core/render-payload';
import { buildWebhookBody } from '../core/webhook-body';
import type { Clock, JiraClient } from './ports';

/**
 * The body of a delivery whose body was too large to store: rebuilt from the stored Forge event and the
 * issue as it is now, under the same 1 MB policy. Undefined when there is nothing to rebuild from.
 */
export async function rebuildBody(deps: { jira: JiraClient; clock: Clock }, record: DeliveryRecord, connection: StoredConnection): Promise<string | undefined> {
  const raw = record.detail.request.event;
  if (raw === undefined) return undefined;
  const event = normalizeEvent(raw, deps.clock.now());
  const lookup = event.forgeEventType === 'avi:jira:deleted:issue' ? undefined : await deps.jira.getIssue(event.issue.id);
  const rendered = renderPayload(connection.payload, buildWebhookBody(event, lookup?.found ? lookup.issue : undefined));
  return rendered.ok ? rendered.body : undefined;
}
