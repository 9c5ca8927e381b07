import { parsePlaceholder } from './parse-path';
import type { TextPart } from './types';

/** A problem at `index`, a position in the decoded string. */
export interface TextIssue {
  message: string;
  index: number;
}

export interface ParsedText {
  parts: TextPart[];
  errors: TextIssue[];
  warnings: TextIssue[];
}

/**
 * Splits a decoded JSON string into literal text and placeholders. Only braces written literally count:
 * an escaped brace (`\u007b{`) is the way to write a literal `{{`. The placeholder ends at the first
 * `}}` (`}` for `${…}`); an opener met before it means the first one was never closed.
 */
export function parseText(value: string, escaped: readonly boolean[]): ParsedText {
  const result: ParsedText = { parts: [], errors: [], warnings: [] };
  const literal = (i: number, ch: string): boolean => value[i] === ch && !escaped[i];
  const openerAt = (i: number): '{{' | '${' | undefined => {
    if (literal(i, '{') && literal(i + 1, '{')) return '{{';
    // `${{x}}` reads as a dollar sign followed by {{x}}, as "Cost: ${{issue.fields.price}}" means.
    if (literal(i, '$') && literal(i + 1, '{') && !literal(i + 2, '{')) return '${';
    return undefined;
  };

  let text = '';
  let i = 0;
  while (i < value.length) {
    const opener = openerAt(i);
    if (!opener) {
      text += value[i++];
      continue;
    }
    const closer = opener === '{{' ? '}}' : '}';
    const end = findCloser(i + 2, closer);
    if (end === undefined) {
      const shown = value.slice(i, i + 40).split('\n')[0];
      result.errors.push({ index: i, message: `Unclosed placeholder '${shown}': expected '${closer}'` });
      return result;
    }
    const source = value.slice(i, end + closer.length);
    const parsed = parsePlaceholder(value.slice(i + 2, end), source);
    if (!parsed.ok) {
      result.errors.push({ index: i + 2 + parsed.error.index, message: parsed.error.message });
    } else {
      if (opener === '${') {
        const suggested = `{{${value.slice(i + 2, end)}}}`;
        result.warnings.push({ index: i, message: `${source} uses the \${…} syntax of Moveworks' guide; it works, but Jira and this app write ${suggested}` });
      }
      if (text) result.parts.push({ kind: 'text', text });
      text = '';
      result.parts.push({ kind: 'placeholder', placeholder: parsed.placeholder });
    }
    i = end + closer.length;
  }
  if (text) result.parts.push({ kind: 'text', text });
  return result;

  function findCloser(from: number, closer: '}}' | '}'): number | undefined {
    for (let j = from; j < value.length; j++) {
      if (literal(j, '}') && (closer === '}' || literal(j + 1, '}'))) return j;
      if (openerAt(j)) return undefined;
    }
    return undefined;
  }
}
