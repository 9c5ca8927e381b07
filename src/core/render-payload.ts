import type { PayloadFormat } from '../shared/contract';
import { fitBody, MAX_BODY_BYTES } from './fit-body';
import { compileFormTemplate, compileTemplate, contextFromWebhookBody, encodeAsForm, renderToBody } from './template';
import type { JiraWebhookBody } from './webhook-body';

export type RenderedPayload = { ok: true; body: string; contentType: string; droppedFields: string[] } | { ok: false; reason: string };

const brokenTemplate: RenderedPayload = { ok: false, reason: 'The connection’s template is no longer valid; fix it on the admin page.' };

export const JSON_CONTENT_TYPE = 'application/json';
export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded';

/**
 * The body a connection sends for an event, within Agent Studio's 1 MB: Jira's format (largest issue
 * fields dropped first when too large), or the connection's template, whose output is always valid JSON
 * (or a form) whatever the issue contains.
 */
export function renderPayload(format: PayloadFormat, webhookBody: JiraWebhookBody): RenderedPayload {
  if (format.format === 'jira') {
    const fitted = fitBody(shapeJiraBody(webhookBody, format));
    if (!fitted) return { ok: false, reason: 'The event is over 1 MB even without its issue fields, so the listener would refuse it.' };
    return { ok: true, body: fitted.body, contentType: JSON_CONTENT_TYPE, droppedFields: fitted.droppedFields };
  }
  const context = contextFromWebhookBody(webhookBody);
  let body: string;
  if (format.encoding === 'form') {
    const compiled = compiledOnce(`form:${format.template}`, () => compileFormTemplate(format.template));
    if (!compiled.ok) return brokenTemplate;
    body = encodeAsForm(compiled.template, context);
  } else {
    const compiled = compiledOnce(`json:${format.template}`, () => compileTemplate(format.template));
    if (!compiled.ok) return brokenTemplate;
    body = renderToBody(compiled.template, context);
  }
  if (Buffer.byteLength(body, 'utf8') > MAX_BODY_BYTES) return { ok: false, reason: 'The rendered template is over 1 MB, so the listener would refuse it.' };
  return { ok: true, body, contentType: format.encoding === 'form' ? FORM_CONTENT_TYPE : JSON_CONTENT_TYPE, droppedFields: [] };
}

/**
 * Templates were checked at save and are stored as text; each is compiled once per warm container rather
 * than once per delivery (rendering never changes a compiled template). Bounded: connections are few.
 */
const compiled = new Map<string, unknown>();
const MAX_COMPILED = 100;

function compiledOnce<T>(key: string, compile: () => T): T {
  if (compiled.has(key)) return compiled.get(key) as T;
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  const result = compile();
  compiled.set(key, result);
  return result;
}

/** Jira's webhook body, reduced to the allowed issue fields and with a `changes` summary when asked. */
function shapeJiraBody(body: JiraWebhookBody, format: { fields?: string[]; includeChanges?: boolean }): JiraWebhookBody & { changes?: unknown } {
  const fields = format.fields && format.fields.length > 0 ? pick(body.issue.fields, format.fields) : body.issue.fields;
  const shaped: JiraWebhookBody & { changes?: unknown } = { ...body, issue: { ...body.issue, fields } };
  if (format.includeChanges) shaped.changes = changesOf(body);
  return shaped;
}

function pick(fields: Record<string, unknown>, allowed: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(allowed.filter((name) => Object.hasOwn(fields, name)).map((name) => [name, fields[name]]));
}

/** `[{ field, from, to }]` in display text, from the changelog: what an Agent Studio plugin usually wants. */
function changesOf(body: JiraWebhookBody): { field: string; from: string | null; to: string | null }[] {
  return (body.changelog?.items ?? []).map((raw) => {
    const item = raw as Record<string, unknown>;
    const text = (key: string): string | null => (Object.hasOwn(item, key) && typeof item[key] === 'string' ? item[key] : null);
    return { field: text('fieldId') ?? text('field') ?? '', from: text('fromString'), to: text('toString') };
  });
}
