/**
 * Offline preview of a Custom JSON template: prints exactly the body the relay would send for a Forge
 * event file, rendered from the event alone (no issue fetch), or the template's problems as file:line:column.
 *
 *   npm run preview -- --template <file> --event <file> [--form]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { normalizeEvent } from '../src/core/normalize-event';
import { buildWebhookBody } from '../src/core/webhook-body';
import {
  compileFormTemplate,
  compileTemplate,
  contextFromWebhookBody,
  encodeAsForm,
  renderToBody,
  type CompileResult,
  type CompiledTemplate,
  type TemplateContext,
  type TemplateIssue,
} from '../src/core/template';

const USAGE = `Usage: npm run preview -- --template <file> --event <file> [--form]

Prints the body the relay would send for a Forge event file, rendered from the event alone.
  --template <file>  a Custom JSON template (JSON whose strings may hold {{smart.values}})
  --event <file>     a Forge product event, as a trigger receives it (e.g. test/fixtures/forge-events/*.json)
  --form             encode as application/x-www-form-urlencoded (the template must be a flat object)
  --help             show this help

Exit codes: 0 rendered; 1 broken template or unreadable event (file:line:column: message on stderr); 2 bad usage.`;

/** Thrown for problems the user must fix; printed without a stack. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function main(argv: string[]): void {
  const options = parseOptions(argv);
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const render = compileRenderer(options.template, options.form);
  const body = render(eventContext(options.event));
  // Exactly the body on a pipe (byte-for-byte comparable); a closing newline only for a human at a terminal.
  process.stdout.write(process.stdout.isTTY ? `${body}\n` : body);
}

/** Compiles before the event is read, so a broken template is reported whatever the event file holds. */
function compileRenderer(file: string, form: boolean): (context: TemplateContext) => string {
  const text = readText(file);
  if (form) {
    const template = accepted(file, compileFormTemplate(text));
    return (context) => encodeAsForm(template, context);
  }
  const template = accepted(file, compileTemplate(text));
  return (context) => renderToBody(template, context);
}

function accepted<T extends CompiledTemplate>(file: string, result: CompileResult<T>): T {
  if (!result.ok) {
    for (const issue of result.errors) process.stderr.write(`${located(file, issue)}\n`);
    const count = result.errors.length;
    throw new CliError(`${file}: the template is broken (${count} error${count === 1 ? '' : 's'})`, 1);
  }
  for (const issue of result.warnings) process.stderr.write(`${located(file, issue, 'warning: ')}\n`);
  return result.template;
}

function parseOptions(argv: string[]): { template: string; event: string; form: boolean; help: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { template: { type: 'string' }, event: { type: 'string' }, form: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
  }
  if (values.help) return { template: '', event: '', form: false, help: true };
  if (!values.template || !values.event) throw new CliError(`Both --template and --event are required.\n\n${USAGE}`, 2);
  return { template: values.template, event: values.event, form: values.form ?? false, help: false };
}

/** The same context a delivery without an issue fetch would use: the event's own issue fields. */
function eventContext(file: string): TemplateContext {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(file));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`, 1);
  }
  try {
    // Date.now() only stands in for an event without a timestamp; the fixtures all carry one.
    return contextFromWebhookBody(buildWebhookBody(normalizeEvent(raw, Date.now()), undefined));
  } catch (error) {
    throw new CliError(`${file}: ${error instanceof Error ? error.message : String(error)}`, 1);
  }
}

function readText(file: string): string {
  try {
    // Editors on Windows may save a byte order mark, which is not part of the JSON.
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new CliError(`${file}: cannot read (${error instanceof Error ? error.message : String(error)})`, 1);
  }
}

function located(file: string, issue: TemplateIssue, prefix = ''): string {
  return `${file}:${issue.line}:${issue.column}: ${prefix}${issue.message}`;
}

try {
  main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof CliError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = error.exitCode;
}
