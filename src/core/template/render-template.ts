import { isMissing, renderText } from './render-text';
import { resolvePath } from './resolve-path';
import type { TemplateContext } from './template-context';
import type { CompiledTemplate, TemplateNode } from './types';

/**
 * The template's JSON value for this event. Values are placed into a JS value and never spliced into
 * JSON text, so quotes, newlines or `{{` in issue data cannot break or re-enter the template.
 */
export function renderTemplate(template: CompiledTemplate, context: TemplateContext): unknown {
  return renderNode(template.root, context);
}

/** The request body: the rendered value as compact JSON. */
export function renderToBody(template: CompiledTemplate, context: TemplateContext): string {
  return JSON.stringify(renderTemplate(template, context));
}

function renderNode(node: TemplateNode, context: TemplateContext): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value;
    case 'text':
      return renderText(node.parts, context);
    case 'value': {
      // Exactly one placeholder keeps the value's JSON type; a fallback is always text.
      const value = resolvePath(context, node.placeholder.path);
      if (isMissing(value)) return node.placeholder.fallback ?? null;
      return typeof value === 'bigint' ? String(value) : value;
    }
    case 'array':
      return node.items.map((item) => renderNode(item, context));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const entry of node.entries) {
        // defineProperty, not assignment: a key rendering to "__proto__" must stay data, not replace the prototype.
        // When two keys render to the same text the later value wins at the first key's place, as in JSON.parse.
        Object.defineProperty(out, renderText(entry.key, context), {
          value: renderNode(entry.value, context),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
  }
}
