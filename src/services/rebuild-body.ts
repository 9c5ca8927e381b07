import type { DeliveryRecord } from '../core/delivery-record';
import { normalizeEvent } from '../core/normalize-event';
import { buildWebhookBody } from '../core/webhook-body';
import { encodeBody } from './encode-body';
import type { Clock, JiraClient } from './ports';

/**
 * The body of a delivery whose body was too large to store: rebuilt from the stored Forge event and the
 * issue as it is now, under the same 1 MB policy. Undefined when there is nothing to rebuild from.
 */
export async function rebuildBody(deps: { jira: JiraClient; clock: Clock }, record: DeliveryRecord): Promise<string | undefined> {
  const raw = record.detail.request.event;
  if (raw === undefined) return undefined;
  const event = normalizeEvent(raw, deps.clock.now());
  const lookup = event.forgeEventType === 'avi:jira:deleted:issue' ? undefined : await deps.jira.getIssue(event.issue.id);
  const encoded = encodeBody(buildWebhookBody(event, lookup?.found ? lookup.issue : undefined));
  return encoded.ok ? encoded.body : undefined;
}
