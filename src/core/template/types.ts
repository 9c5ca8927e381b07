/** A problem in a template, with a 1-based position in the template's text (columns count UTF-16 units, as editors do). */
export interface TemplateIssue {
  message: string;
  line: number;
  column: number;
}

/** `{{path}}` or `{{path|fallback}}` after validation; `path` always starts with a context root. */
export interface Placeholder {
  readonly path: readonly string[];
  /** Used as text when the value is missing or null; absent when no `|` was written. */
  readonly fallback?: string;
  /** The placeholder as written, for messages. */
  readonly source: string;
}

export type TextPart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'placeholder'; readonly placeholder: Placeholder };

/**
 * One compiled JSON value. `value` is a string that was EXACTLY one placeholder (keeps the value's JSON
 * type); `text` is a string mixing literal text and placeholders (always renders to a string).
 */
export type TemplateNode =
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'value'; readonly placeholder: Placeholder }
  | { readonly kind: 'text'; readonly parts: readonly TextPart[] }
  | { readonly kind: 'array'; readonly items: readonly TemplateNode[] }
  | { readonly kind: 'object'; readonly entries: readonly TemplateEntry[] };

/** Keys are always text: a placeholder in a key renders as text, never as another JSON type. */
export interface TemplateEntry {
  readonly key: readonly TextPart[];
  readonly value: TemplateNode;
}

/** The product of `compileTemplate`: plain data, safe to cache or serialise. */
export interface CompiledTemplate {
  readonly root: TemplateNode & { readonly kind: 'object' | 'array' };
}

/** A template `compileFormTemplate` accepted: a top-level object whose values are all scalars or text. */
export interface CompiledFormTemplate extends CompiledTemplate {
  readonly root: TemplateNode & { readonly kind: 'object' };
  readonly form: true;
}

export type CompileResult<T extends CompiledTemplate = CompiledTemplate> =
  | { ok: true; template: T; warnings: TemplateIssue[] }
  | { ok: false; errors: TemplateIssue[] };
