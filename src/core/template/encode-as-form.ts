import { placeholderText, renderText, toText } from './render-text';
import type { TemplateContext } from './template-context';
import type { CompiledFormTemplate, TemplateNode } from './types';

/**
 * The `application/x-www-form-urlencoded` body for a flat template. Form fields are text only, so every
 * value is converted as inside a longer string (null and missing become empty text, objects compact JSON).
 */
export function encodeAsForm(template: CompiledFormTemplate, context: TemplateContext): string {
  // A Map keeps the first key's place and the later value, matching how the JSON body treats duplicate keys.
  const fields = new Map<string, string>();
  for (const entry of template.root.entries) fields.set(renderText(entry.key, context), fieldText(entry.value, context));
  return new URLSearchParams([...fields]).toString();
}

function fieldText(node: TemplateNode, context: TemplateContext): string {
  switch (node.kind) {
    case 'literal':
      return toText(node.value);
    case 'value':
      return placeholderText(node.placeholder, context);
    case 'text':
      return renderText(node.parts, context);
    default:
      // compileFormTemplate refuses nested values, so this is reached only by a hand-built template.
      return '';
  }
}
