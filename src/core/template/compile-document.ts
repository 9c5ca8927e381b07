import { parseJson, type JsonAst, type JsonString } from './parse-json';
import { parseText } from './parse-text';
import { createPositionMapper } from './position';
import type { TemplateIssue, TemplateNode, TextPart } from './types';

/** The shared first stage of both compilers; `ast` lets a caller add checks that need source positions. */
export interface CompiledDocument {
  root?: TemplateNode;
  ast?: JsonAst;
  errors: TemplateIssue[];
  warnings: TemplateIssue[];
  /** Turns a source offset into an issue. */
  issueAt: (offset: number, message: string) => TemplateIssue;
}

/** Parses the JSON and every smart value in it, collecting ALL placeholder problems, not just the first. */
export function compileDocument(text: string): CompiledDocument {
  const toPosition = createPositionMapper(text);
  const issueAt = (offset: number, message: string): TemplateIssue => ({ message, ...toPosition(offset) });
  const describe = (offset: number): string => {
    const { line, column } = toPosition(offset);
    return `line ${line}, column ${column}`;
  };
  const parsed = parseJson(text, describe);
  if (!parsed.ok) return { errors: [issueAt(parsed.offset, parsed.message)], warnings: [], issueAt };

  const errors: TemplateIssue[] = [];
  const warnings: TemplateIssue[] = [];
  const compileString = (node: JsonString): TextPart[] => {
    const result = parseText(node.value, node.escaped);
    for (const e of result.errors) errors.push(issueAt(node.offsets[e.index], e.message));
    for (const w of result.warnings) warnings.push(issueAt(node.offsets[w.index], w.message));
    return result.parts;
  };
  const compileNode = (node: JsonAst): TemplateNode => {
    switch (node.kind) {
      case 'string': {
        const parts = compileString(node);
        if (parts.length === 1 && parts[0].kind === 'placeholder') return { kind: 'value', placeholder: parts[0].placeholder };
        if (parts.every((part) => part.kind === 'text')) return { kind: 'literal', value: parts.map((part) => part.text).join('') };
        return { kind: 'text', parts };
      }
      case 'array':
        return { kind: 'array', items: node.items.map(compileNode) };
      case 'object':
        return { kind: 'object', entries: node.entries.map((entry) => ({ key: compileString(entry.key), value: compileNode(entry.value) })) };
      default:
        return { kind: 'literal', value: node.value };
    }
  };
  const root = compileNode(parsed.value);
  return { root, ast: parsed.value, errors, warnings, issueAt };
}
