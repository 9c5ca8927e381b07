import type { PayloadFormat, PayloadPreview } from '../shared/contract';
import type { EventKind } from '../shared/events';
import { normalizeEvent } from '../core/normalize-event';
import { describeIssue } from '../core/payload-format';
import { renderPayload } from '../core/render-payload';
import { compileFormTemplate, compileTemplate } from '../core/template';
import { buildWebhookBody } from '../core/webhook-body';
import type { Clock, JiraClient } from './ports';
import { invalidInput } from './relay-error';
import { syntheticForgeEvent } from './synthetic-event';

/** The body a payload format would send for a real issue and event, before the connection is saved. */
export async function previewPayload(
  deps: { jira: JiraClient; clock: Clock },
  input: { payload: PayloadFormat; issueKey: string; event: EventKind },
  actorAccountId: string,
): Promise<PayloadPreview> {
  const lookup = await deps.jira.getIssue(input.issueKey);
  if (!lookup.found) throw invalidInput('issueKey', `There is no issue ${input.issueKey} that the app can see.`);
  const now = deps.clock.now();
  const event = normalizeEvent(syntheticForgeEvent(input.event, lookup.issue, actorAccountId, now), now);
  const rendered = renderPayload(input.payload, buildWebhookBody(event, input.event === 'issue_deleted' ? undefined : lookup.issue));
  if (!rendered.ok) throw invalidInput('payload', rendered.reason);
  return { body: rendered.body, contentType: rendered.contentType, warnings: templateWarnings(input.payload) };
}

function templateWarnings(payload: PayloadFormat): string[] {
  if (payload.format !== 'custom') return [];
  const compiled = payload.encoding === 'form' ? compileFormTemplate(payload.template) : compileTemplate(payload.template);
  return compiled.ok ? compiled.warnings.map(describeIssue) : [];
}
