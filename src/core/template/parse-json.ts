/**
 * A strict JSON (RFC 8259) parser that keeps source offsets, written by hand because JSON.parse reports
 * positions only inside its message, whose wording differs between Node versions, and cannot say where
 * a character inside a string came from (needed to place errors inside smart values).
 */

/** A JSON string with, for each decoded UTF-16 unit, its offset in the source and whether it came from an escape. */
export interface JsonString {
  readonly kind: 'string';
  readonly start: number;
  readonly value: string;
  readonly offsets: readonly number[];
  readonly escaped: readonly boolean[];
}

export type JsonAst =
  | JsonString
  | { readonly kind: 'number'; readonly start: number; readonly value: number }
  | { readonly kind: 'boolean'; readonly start: number; readonly value: boolean }
  | { readonly kind: 'null'; readonly start: number; readonly value: null }
  | { readonly kind: 'array'; readonly start: number; readonly items: readonly JsonAst[] }
  | { readonly kind: 'object'; readonly start: number; readonly entries: readonly { key: JsonString; value: JsonAst }[] };

export type ParseJsonResult = { ok: true; value: JsonAst } | { ok: false; message: string; offset: number };

/** Deeper nesting is surely a mistake, and refusing it keeps the recursion far from the stack limit. */
export const MAX_DEPTH = 100;

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** `describe(offset)` renders another position for messages such as "the object opened at line 2, column 3". */
export function parseJson(text: string, describe: (offset: number) => string): ParseJsonResult {
  try {
    const parser = new Parser(text, describe);
    return { ok: true, value: parser.parseDocument() };
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { ok: false, message: error.message, offset: error.offset };
    throw error;
  }
}

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const WORD = /[A-Za-z0-9_$]/;

class Parser {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly describe: (offset: number) => string,
  ) {}

  parseDocument(): JsonAst {
    this.skipWhitespace();
    if (this.pos >= this.text.length) throw new JsonSyntaxError('The template is empty: write a JSON object such as {"key": "{{issue.key}}"}', this.pos);
    const value = this.parseValue(0);
    this.skipWhitespace();
    if (this.pos < this.text.length) {
      throw new JsonSyntaxError(`Unexpected ${this.found()} after the end of the JSON value (a template holds exactly one object or array)`, this.pos);
    }
    return value;
  }

  private parseValue(depth: number): JsonAst {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(`The template is nested more than ${MAX_DEPTH} levels deep`, this.pos);
    const ch = this.text[this.pos];
    if (ch === '{') return this.parseObject(depth);
    if (ch === '[') return this.parseArray(depth);
    if (ch === '"') return this.parseString();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.parseNumber();
    if (ch === "'") throw new JsonSyntaxError('Strings must use double quotes ("), not single quotes', this.pos);
    if (ch !== undefined && WORD.test(ch)) return this.parseWord();
    throw new JsonSyntaxError(`Expected a value but found ${this.found()}`, this.pos);
  }

  private parseObject(depth: number): JsonAst {
    const start = this.pos++;
    const entries: { key: JsonString; value: JsonAst }[] = [];
    const seen = new Map<string, number>();
    this.skipWhitespace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return { kind: 'object', start, entries };
    }
    for (;;) {
      this.expectPropertyName(start);
      const key = this.parseString();
      const first = seen.get(key.value);
      if (first !== undefined) throw new JsonSyntaxError(`Duplicate property name ${JSON.stringify(key.value)} (first written at ${this.describe(first)})`, key.start);
      seen.set(key.value, key.start);
      this.skipWhitespace();
      if (this.text[this.pos] !== ':') throw new JsonSyntaxError(`Expected ':' after the property name ${JSON.stringify(key.value)} but found ${this.found()}`, this.pos);
      this.pos++;
      this.skipWhitespace();
      entries.push({ key, value: this.parseValue(depth + 1) });
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === '}') {
        this.pos++;
        return { kind: 'object', start, entries };
      }
      if (next !== ',') throw this.unclosed('object', start, "','", "'}'", `the value of ${JSON.stringify(key.value)}`);
      const comma = this.pos++;
      this.skipWhitespace();
      if (this.text[this.pos] === '}') throw new JsonSyntaxError("Trailing comma before '}': remove it", comma);
    }
  }

  private expectPropertyName(objectStart: number): void {
    const ch = this.text[this.pos];
    if (ch === '"') return;
    if (ch === undefined) throw this.unclosed('object', objectStart, 'a property name', "'}'", 'the last property');
    if (ch === "'") throw new JsonSyntaxError('Property names must use double quotes ("), not single quotes', this.pos);
    if (WORD.test(ch)) throw new JsonSyntaxError('Property names must be double-quoted strings', this.pos);
    throw new JsonSyntaxError(`Expected a property name (a double-quoted string) but found ${this.found()}`, this.pos);
  }

  private parseArray(depth: number): JsonAst {
    const start = this.pos++;
    const items: JsonAst[] = [];
    this.skipWhitespace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return { kind: 'array', start, items };
    }
    for (;;) {
      if (this.pos >= this.text.length) throw this.unclosed('array', start, 'a value', "']'", 'the last item');
      items.push(this.parseValue(depth + 1));
      this.skipWhitespace();
      const next = this.text[this.pos];
      if (next === ']') {
        this.pos++;
        return { kind: 'array', start, items };
      }
      if (next !== ',') throw this.unclosed('array', start, "','", "']'", `item ${items.length}`);
      const comma = this.pos++;
      this.skipWhitespace();
      if (this.text[this.pos] === ']') throw new JsonSyntaxError("Trailing comma before ']': remove it", comma);
    }
  }

  /** At end of input the useful fact is which bracket was never closed; elsewhere, what was expected. */
  private unclosed(what: 'object' | 'array', start: number, expected: string, closer: string, after: string): JsonSyntaxError {
    if (this.pos >= this.text.length) {
      return new JsonSyntaxError(`Unexpected end of the template: the ${what} opened at ${this.describe(start)} is not closed with ${closer}`, this.pos);
    }
    return new JsonSyntaxError(`Expected ${expected === "','" ? `',' or ${closer}` : expected} after ${after} but found ${this.found()}`, this.pos);
  }

  private parseString(): JsonString {
    const start = this.pos++;
    const units: string[] = [];
    const offsets: number[] = [];
    const escaped: boolean[] = [];
    for (;;) {
      const at = this.pos;
      const ch = this.text[at];
      if (ch === undefined) throw new JsonSyntaxError(`Unterminated string: the string opened at ${this.describe(start)} has no closing '"'`, at);
      if (ch === '"') break;
      if (ch === '\n' || ch === '\r') {
        throw new JsonSyntaxError(`Unterminated string: the string opened at ${this.describe(start)} reaches the end of the line (write a line break inside a string as \\n)`, at);
      }
      if (ch < ' ') {
        const code = `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
        throw new JsonSyntaxError(`Control character inside a string: write it as ${ch === '\t' ? '\\t' : code}`, at);
      }
      if (ch === '\\') {
        units.push(this.parseEscape());
        escaped.push(true);
      } else {
        units.push(ch);
        this.pos++;
        escaped.push(false);
      }
      offsets.push(at);
    }
    offsets.push(this.pos);
    this.pos++;
    return { kind: 'string', start, value: units.join(''), offsets, escaped };
  }

  private parseEscape(): string {
    const at = this.pos;
    const letter = this.text[at + 1];
    if (letter === 'u') {
      const hex = this.text.slice(at + 2, at + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JsonSyntaxError('Invalid unicode escape: \\u must be followed by four hex digits', at);
      this.pos = at + 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const decoded = letter === undefined ? undefined : ESCAPES[letter];
    if (decoded === undefined) {
      const shown = letter === undefined ? '\\' : `\\${letter}`;
      throw new JsonSyntaxError(`Invalid escape '${shown}' in a string (valid: \\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)`, at);
    }
    this.pos = at + 2;
    return decoded;
  }

  private parseNumber(): JsonAst {
    const start = this.pos;
    if (this.text[this.pos] === '-') this.pos++;
    const first = this.text[this.pos];
    if (first === '0') {
      this.pos++;
      if (isDigit(this.text[this.pos])) throw new JsonSyntaxError('Numbers cannot have leading zeros', start);
    } else if (isDigit(first)) {
      this.skipDigits();
    } else {
      throw new JsonSyntaxError(`Expected a digit after '-' but found ${this.found()}`, this.pos);
    }
    if (this.text[this.pos] === '.') {
      this.pos++;
      if (!isDigit(this.text[this.pos])) throw new JsonSyntaxError(`Expected a digit after the decimal point but found ${this.found()}`, this.pos);
      this.skipDigits();
    }
    if (this.text[this.pos] === 'e' || this.text[this.pos] === 'E') {
      this.pos++;
      if (this.text[this.pos] === '+' || this.text[this.pos] === '-') this.pos++;
      if (!isDigit(this.text[this.pos])) throw new JsonSyntaxError(`Expected a digit in the exponent but found ${this.found()}`, this.pos);
      this.skipDigits();
    }
    return { kind: 'number', start, value: Number(this.text.slice(start, this.pos)) };
  }

  private parseWord(): JsonAst {
    const start = this.pos;
    while (this.pos < this.text.length && WORD.test(this.text[this.pos])) this.pos++;
    const word = this.text.slice(start, this.pos);
    if (word === 'true' || word === 'false') return { kind: 'boolean', start, value: word === 'true' };
    if (word === 'null') return { kind: 'null', start, value: null };
    throw new JsonSyntaxError(`'${word}' is not a JSON value (text must be in double quotes; literals are true, false and null)`, start);
  }

  private skipDigits(): void {
    while (isDigit(this.text[this.pos])) this.pos++;
  }

  private skipWhitespace(): void {
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') this.pos++;
      else if (ch === '/' && (this.text[this.pos + 1] === '/' || this.text[this.pos + 1] === '*')) {
        throw new JsonSyntaxError('Comments are not allowed in JSON', this.pos);
      } else return;
    }
  }

  private found(): string {
    const code = this.text.codePointAt(this.pos);
    if (code === undefined) return 'the end of the template';
    const ch = String.fromCodePoint(code);
    if (ch < ' ' || ch === '\u2028' || ch === '\u2029' || ch === '\ufeff') return `character U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    return `'${ch}'`;
  }
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}
