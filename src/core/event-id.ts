import { createHash } from 'node:crypto';
import type { ForgeEvent } from './forge-event';

/**
 * A stable id derived only from what identifies the event, so the same event delivered twice (Forge
 * promises at-least-once) or retried carries the same `webhook-id`; receivers use it to dedupe.
 * Retry metadata (`retryContext`) and `context` are deliberately left out.
 */
export function stableEventId(event: ForgeEvent, issueId: string): string {
  const identity = event.sla
    ? // One SLA event per issue, SLA and cycle, however many scans see it: the scan time is not part of it.
      [event.eventType, issueId, event.sla.fieldId, event.sla.cycleStartedAt]
    : [
        event.eventType,
        issueId,
        String(event.timestamp ?? ''),
        event.atlassianId ?? '',
        event.comment?.id ?? '',
        event.comment?.updated ?? '',
        String(event.changelog?.id ?? ''),
        event.changelog ? JSON.stringify(event.changelog.items) : '',
        ...entityIdentity(event),
      ];
  const digest = createHash('sha256').update(identity.join('\u241f')).digest('hex').slice(0, 32);
  // Standard Webhooks suggests a prefixed message id; `msg_` keeps it recognisable in logs.
  return `msg_${digest}`;
}

/** Appended only when present, so ids of issue and comment events stay what they were. */
function entityIdentity(event: ForgeEvent): string[] {
  if (event.worklog) return [`worklog:${event.worklog.id}`, event.worklog.updated ?? ''];
  if (event.attachment) return [`attachment:${event.attachment.id}`];
  if (event.issueLink) return [`issuelink:${event.issueLink.id}`];
  return [];
}
