import { compileDocument } from './compile-document';
import type { CompileResult, CompiledTemplate, TemplateIssue } from './types';

/**
 * Compiles a Custom JSON template. Every problem is found here, with its line and column, so a template
 * that compiles can always be rendered: rendering never fails and always yields valid JSON.
 */
export function compileTemplate(text: string): CompileResult {
  const document = compileDocument(text);
  const errors = [...document.errors];
  const root = document.root;
  if (root && document.ast && root.kind !== 'object' && root.kind !== 'array') {
    // A listener expects a JSON object; a bare string or number body is almost always a mistake.
    errors.push(document.issueAt(document.ast.start, `The template must be a JSON object or array at the top level, not ${describeKind(document.ast.kind)}`));
  }
  if (errors.length > 0 || !root || (root.kind !== 'object' && root.kind !== 'array')) return { ok: false, errors: sortIssues(errors) };
  const template: CompiledTemplate = { root };
  return { ok: true, template, warnings: sortIssues(document.warnings) };
}

export function describeKind(kind: string): string {
  return kind === 'object' || kind === 'array' ? `an ${kind}` : kind === 'null' ? 'null' : `a ${kind}`;
}

export function sortIssues(issues: TemplateIssue[]): TemplateIssue[] {
  return [...issues].sort((a, b) => a.line - b.line || a.column - b.column);
}
