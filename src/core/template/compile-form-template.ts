import { compileDocument } from './compile-document';
import { describeKind, sortIssues } from './compile-template';
import type { CompileResult, CompiledFormTemplate } from './types';

/**
 * Compiles a template for *Encode as form*: a top-level object whose values are strings, numbers,
 * booleans or null (each property becomes one `key=value` field). Nested objects and arrays are refused
 * here rather than flattened by some guessed convention at delivery time.
 */
export function compileFormTemplate(text: string): CompileResult<CompiledFormTemplate> {
  const document = compileDocument(text);
  const errors = [...document.errors];
  const { root, ast } = document;
  if (ast && ast.kind !== 'object') {
    errors.push(document.issueAt(ast.start, `Encode as form needs a JSON object at the top level (each property becomes one form field), not ${describeKind(ast.kind)}`));
  }
  if (ast?.kind === 'object') {
    for (const { key, value } of ast.entries) {
      if (value.kind === 'object' || value.kind === 'array') {
        errors.push(
          document.issueAt(
            value.start,
            `Encode as form needs a flat template: the value of ${JSON.stringify(key.value)} is ${describeKind(value.kind)}; use a string such as "{{issue.fields.labels}}" to send a value as JSON text`,
          ),
        );
      }
    }
  }
  if (errors.length > 0 || root?.kind !== 'object') return { ok: false, errors: sortIssues(errors) };
  return { ok: true, template: { root, form: true }, warnings: sortIssues(document.warnings) };
}
