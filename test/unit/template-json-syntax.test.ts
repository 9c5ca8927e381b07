import { compileTemplate } from '../../src/core/template';
import { parseJson, type JsonAst } from '../../src/core/template/parse-json';
import { prng } from '../support/prng';

/** The first error of a template that must not compile. */
function firstError(text: string): { message: string; line: number; column: number } {
  const result = compileTemplate(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return result.errors[0];
}

describe('bad JSON is refused with its 1-based line and column', () => {
  it.each([
    ['trailing comma in an object', '{\n  "a": 1,\n}', 2, 9, /Trailing comma before '}'/],
    ['trailing comma in an array', '{"a": [1, 2,]}', 1, 12, /Trailing comma before '\]'/],
    ['missing colon', '{"a" 1}', 1, 6, /Expected ':' after the property name "a"/],
    ['missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, /Expected ',' or '}' after the value of "a" but found '"'/],
    ['wrong closing bracket', '{"a": [1, 2}', 1, 12, /Expected ',' or '\]' after item 2 but found '}'/],
    ['unclosed object at end of input', '{"a": 1', 1, 8, /the object opened at line 1, column 1 is not closed with '}'/],
    ['unclosed nested array', '{\n"a": [\n1,\n', 4, 1, /the array opened at line 2, column 6 is not closed/],
    ['single-quoted string', "{\"a\": 'x'}", 1, 7, /double quotes/],
    ['single-quoted key', "{'a': 1}", 1, 2, /Property names must use double quotes/],
    ['bare key', '{a: 1}', 1, 2, /Property names must be double-quoted strings/],
    ['line break inside a string', '{\n  "a": "x\n"}', 2, 10, /Unterminated string: the string opened at line 2, column 8 reaches the end of the line/],
    ['unterminated string at end', '{"a": "abc', 1, 11, /Unterminated string: the string opened at line 1, column 7 has no closing/],
    ['raw tab inside a string', '{"a": "x\ty"}', 1, 9, /Control character inside a string: write it as \\t/],
    ['invalid escape', '{"a": "\\x"}', 1, 8, /Invalid escape '\\x'/],
    ['invalid unicode escape', '{"a": "\\u00zz"}', 1, 8, /four hex digits/],
    ['leading zero', '{"a": 01}', 1, 7, /leading zeros/],
    ['decimal point without digits', '{"a": 1.}', 1, 9, /digit after the decimal point/],
    ['exponent without digits', '{"a": 1e}', 1, 9, /digit in the exponent/],
    ['lone minus', '{"a": -}', 1, 8, /digit after '-'/],
    ['undefined', '{"a": undefined}', 1, 7, /'undefined' is not a JSON value/],
    ['NaN', '{"a": NaN}', 1, 7, /'NaN' is not a JSON value/],
    ['comment', '// note\n{}', 1, 1, /Comments are not allowed/],
    ['block comment inside', '{\n  /* x */ "a": 1}', 2, 3, /Comments are not allowed/],
    ['content after the value', '{"a": 1} {"b": 2}', 1, 10, /after the end of the JSON value/],
    ['empty template', '', 1, 1, /The template is empty/],
    ['blank template', '  \n  ', 2, 3, /The template is empty/],
    ['duplicate key', '{"a": 1,\n "a": 2}', 2, 2, /Duplicate property name "a" \(first written at line 1, column 2\)/],
    ['missing value', '{"a": }', 1, 7, /Expected a value but found '}'/],
    ['CRLF line endings', '{\r\n  "a": 1,\r\n}', 2, 9, /Trailing comma/],
    ['lone CR line endings', '{\r  "a": 1,\r}', 2, 9, /Trailing comma/],
  ])('%s', (_name, text, line, column, message) => {
    const error = firstError(text);
    expect(error).toMatchObject({ line, column });
    expect(error.message).toMatch(message);
  });

  it('counts columns in UTF-16 units, as editors do', () => {
    expect(firstError('{"😀": 1,}')).toMatchObject({ line: 1, column: 9 });
  });

  it('shows an invisible character by its code point', () => {
    expect(firstError('{"a": 1}\u2028').message).toMatch(/U\+2028/);
  });

  it('refuses absurd nesting cleanly instead of overflowing the stack', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    expect(firstError(deep).message).toMatch(/nested more than 100 levels/);
    const fine = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect(compileTemplate(fine).ok).toBe(true);
  });

  it('refuses a top-level value that is not an object or array', () => {
    for (const text of ['"{{issue.key}}"', '42', 'true', 'null']) {
      expect(firstError(text)).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/must be a JSON object or array at the top level/) as unknown });
    }
    expect(compileTemplate('[1, "{{issue.key}}"]').ok).toBe(true);
  });
});

function toValue(ast: JsonAst): unknown {
  switch (ast.kind) {
    case 'array':
      return ast.items.map(toValue);
    case 'object':
      return Object.fromEntries(ast.entries.map((entry) => [entry.key.value, toValue(entry.value)]));
    default:
      return ast.value;
  }
}

const describe0 = (offset: number): string => `offset ${offset}`;

describe('the parser agrees with JSON.parse', () => {
  const random = prng(20241204);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const strings = ['', 'a', 'é', '\u2028', '"', '\\', '\n', 'x y', '😀', '\ud800', '</script>', '\u0000'];
  const randomValue = (depth: number): unknown => {
    const roll = random();
    if (depth > 3 || roll < 0.4) return pick<unknown>([0, -1.5, 1e21, 2.5e-7, true, false, null, ...strings]);
    if (roll < 0.7) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(depth + 1));
    return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, (_, i) => [`k${i}${pick(strings)}`, randomValue(depth + 1)]));
  };
  const noise = ['{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '0', '1', '-', '.', 'e', 't', 'n', 'u', '/', "'"];

  it('on valid documents in any formatting: same value', () => {
    for (let i = 0; i < 300; i++) {
      const value = randomValue(0);
      const text = JSON.stringify(value, null, pick([0, 2, '\t']));
      const parsed = parseJson(text, describe0);
      expect(parsed.ok && toValue(parsed.value)).toEqual(JSON.parse(text));
    }
  });

  it('on mutated documents: accepts exactly what JSON.parse accepts, and places every error inside the text', () => {
    let refused = 0;
    for (let i = 0; i < 3000; i++) {
      const valid = JSON.stringify(randomValue(0), null, pick([0, 1]));
      const at = Math.floor(random() * (valid.length + 1));
      const mutation = random();
      const text =
        mutation < 0.33 ? valid.slice(0, at) + valid.slice(at + 1) : mutation < 0.66 ? valid.slice(0, at) + pick(noise) + valid.slice(at) : valid.slice(0, at) + pick(noise) + valid.slice(at + 1);
      let expected: unknown;
      let accepted = true;
      try {
        expected = JSON.parse(text);
      } catch {
        accepted = false;
      }
      const parsed = parseJson(text, describe0);
      if (!parsed.ok && parsed.message.startsWith('Duplicate property name')) continue; // stricter than JSON.parse on purpose
      expect({ text, ok: parsed.ok }).toEqual({ text, ok: accepted });
      if (parsed.ok) expect(toValue(parsed.value)).toEqual(expected);
      else {
        refused++;
        expect(parsed.offset).toBeGreaterThanOrEqual(0);
        expect(parsed.offset).toBeLessThanOrEqual(text.length);
      }
    }
    expect(refused).toBeGreaterThan(500);
  });
});
