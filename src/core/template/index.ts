// The template engine's public surface: compile once (at save time), render per event.
export { compileTemplate } from './compile-template';
export { compileFormTemplate } from './compile-form-template';
export { renderTemplate, renderToBody } from './render-template';
export { encodeAsForm } from './encode-as-form';
export { contextFromWebhookBody, TEMPLATE_ROOTS, type TemplateContext } from './template-context';
export type { CompileResult, CompiledFormTemplate, CompiledTemplate, TemplateIssue } from './types';
