import { createHash } from 'node:crypto';
import type { ForgeEvent } from './forge-event';

/**
 * A stable id derived only from what identifies the Forge event, so the same event delivered twice
 * (Forge promises at-least-once) or retried carries the same `webhook-id`; receivers use it to dedupe.
 * Retry metadata (`retryContext`) and `context` are deliberately left out.
 */
export function stableEventId(event: ForgeEvent): string {
  const identity = [
    event.eventType,
    event.issue.id,
    String(event.timestamp ?? ''),
    event.atlassianId ?? '',
    event.comment?.id ?? '',
    event.comment?.updated ?? '',
    String(event.changelog?.id ?? ''),
    event.changelog ? JSON.stringify(event.changelog.items) : '',
  ].join('\u241f');
  const digest = createHash('sha256').update(identity).digest('hex').slice(0, 32);
  // Standard Webhooks suggests a prefixed message id; `msg_` keeps it recognisable in logs.
  return `msg_${digest}`;
}
