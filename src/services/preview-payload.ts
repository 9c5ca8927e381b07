import type { PayloadFormat, PayloadPreview } from '../shared/contract';
import type { EventKind } from '../shared/events';
import { describeIssue } from '../core/payload-format';
import { compileFormTemplate, compileTemplate } from '../core/template';
import type { Clock, JiraClient, UserJira } from './ports';
import { invalidInput } from './relay-error';
import { renderForIssue } from './synthetic-event';

/** The body a payload format would send for a real issue and event, before the connection is saved. */
export async function previewPayload(
  deps: { jira: JiraClient; userJira: UserJira; clock: Clock },
  input: { payload: PayloadFormat; issueKey: string; event: EventKind },
  actorAccountId: string,
): Promise<PayloadPreview> {
  const { rendered } = await renderForIssue(deps, input.payload, input, actorAccountId);
  if (!rendered.ok) throw invalidInput('payload', rendered.reason);
  return { body: rendered.body, contentType: rendered.contentType, warnings: templateWarnings(input.payload) };
}

function templateWarnings(payload: PayloadFormat): string[] {
  if (payload.format !== 'custom') return [];
  const compiled = payload.encoding === 'form' ? compileFormTemplate(payload.template) : compileTemplate(payload.template);
  return compiled.ok ? compiled.warnings.map(describeIssue) : [];
}
