import { z } from 'zod';
import type { PayloadFormat } from '../shared/contract';
import { compileFormTemplate, compileTemplate, type TemplateIssue } from './template';
import type { Assert, Equal } from './type-equality';

export const MAX_TEMPLATE_CHARS = 20_000;

const fieldId = z.string().trim().regex(/^[A-Za-z][A-Za-z0-9_]{0,99}$/, 'Field ids are names such as summary, priority or customfield_10010');

const payloadFormats = z.discriminatedUnion('format', [
  z.object({
    format: z.literal('jira'),
    fields: z.array(fieldId).max(100, 'List at most 100 fields').optional(),
    includeChanges: z.boolean().optional(),
  }),
  z.object({
    format: z.literal('custom'),
    template: z.string().min(1, 'Write a template').max(MAX_TEMPLATE_CHARS, `Use at most ${MAX_TEMPLATE_CHARS} characters`),
    encoding: z.enum(['json', 'form']),
  }),
]);
/** Exactly the contract's type (which the stored shape matches too: connection.ts), which the annotation below alone would not ensure. */
export type PayloadRulesMatchContract = Assert<Equal<z.output<typeof payloadFormats>, PayloadFormat>>;

/** A payload format as submitted; a custom template is compiled here so a broken one is refused at save. */
export const payloadFormatSchema: z.ZodType<PayloadFormat> = payloadFormats.superRefine((payload, ctx) => {
  if (payload.format !== 'custom') return;
  const compiled = payload.encoding === 'form' ? compileFormTemplate(payload.template) : compileTemplate(payload.template);
  if (!compiled.ok) {
    const first = compiled.errors[0];
    ctx.addIssue({ code: 'custom', path: ['template'], message: first ? describeIssue(first) : 'The template is not valid' });
  }
});

/** "Line 3, column 12: …", as the admin page and the preview CLI show template problems. */
export function describeIssue(issue: TemplateIssue): string {
  return `Line ${issue.line}, column ${issue.column}: ${issue.message}`;
}
