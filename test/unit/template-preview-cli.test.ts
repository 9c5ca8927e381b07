import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeEvent } from '../../src/core/normalize-event';
import { buildWebhookBody } from '../../src/core/webhook-body';
import { compileTemplate, contextFromWebhookBody, renderToBody } from '../../src/core/template';

const ROOT = join(__dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const TEMPLATES = 'test/fixtures/templates';
const EVENTS = 'test/fixtures/forge-events';

function preview(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(TSX, ['bin/preview.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the relay itself would render for this pair, computed in-process. */
function expectedBody(template: string, event: string): string {
  const compiled = compileTemplate(readFileSync(join(ROOT, template), 'utf8'));
  if (!compiled.ok) throw new Error('fixture should compile');
  const raw: unknown = JSON.parse(readFileSync(join(ROOT, event), 'utf8'));
  return renderToBody(compiled.template, contextFromWebhookBody(buildWebhookBody(normalizeEvent(raw, 0), undefined)));
}

describe('npm run preview (bin/preview.ts)', () => {
  it('prints only the body through npm itself, without npm’s banner (the project’s .npmrc)', () => {
    const run = spawnSync('npm', ['run', 'preview', '--', '--template', `${TEMPLATES}/typed.json`, '--event', `${EVENTS}/worklog-created.json`], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expectedBody(`${TEMPLATES}/typed.json`, `${EVENTS}/worklog-created.json`));
  });

  it.each([
    ['typed.json', 'issue-updated-status.json'],
    ['typed.json', 'comment-created.json'],
    ['typed.json', 'issue-deleted.json'],
    ['moveworks-style.json', 'issue-created.json'],
    ['typed.json', 'worklog-updated.json'],
    ['typed.json', 'attachment-created.json'],
    ['typed.json', 'issuelink-deleted.json'],
    ['typed.json', 'sla-breached.json'],
    ['sla.json', 'sla-warning.json'],
  ])('prints exactly the body for %s and %s', (template, event) => {
    const run = preview('--template', `${TEMPLATES}/${template}`, '--event', `${EVENTS}/${event}`);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expectedBody(`${TEMPLATES}/${template}`, `${EVENTS}/${event}`));
  });

  it('renders SLA events from the relay’s own event file, values typed', () => {
    const run = preview('--template', `${TEMPLATES}/sla.json`, '--event', `${EVENTS}/sla-breached.json`);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      event: 'sla_breached',
      text: 'Time to resolution on SUP-1: -12m left (goal 8h)',
      breached: true,
      remainingMillis: -720000,
      breachAt: '2024-12-04T17:00:00.000Z',
      worklog: 'none',
    });
  });

  it('renders the Moveworks-style template and warns about ${} on stderr only', () => {
    const run = preview('--template', `${TEMPLATES}/moveworks-style.json`, '--event', `${EVENTS}/issue-updated-status.json`);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      event: 'jira:issue_updated',
      ticket_id: 'SUP-1',
      title: 'Customers cannot log in to the support portal (SSO)',
      status: 'In Progress',
      link: 'https://relay-dev.atlassian.net/browse/SUP-1',
    });
    expect(run.stderr).toContain(`${TEMPLATES}/moveworks-style.json:3:17: warning: \${issue.key} uses the \${…} syntax`);
  });

  it.each([
    ['broken-unclosed.json', 3, 24, "Unclosed placeholder '{{issue.summary': expected '}}'"],
    ['broken-json.json', 3, 33, "Trailing comma before '}': remove it"],
    ['broken-function.json', 3, 31, "Unknown function 'toLowerCase()'"],
  ])('refuses %s with file:line:column and exit code 1', (template, line, column, message) => {
    const run = preview('--template', `${TEMPLATES}/${template}`, '--event', `${EVENTS}/issue-created.json`);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toMatch(new RegExp(`^${escapeRegExp(`${TEMPLATES}/${template}:${line}:${column}: ${message}`)}`));
  });

  it('refuses a broken template even when the event file is unreadable (the template is checked first)', () => {
    const run = preview('--template', `${TEMPLATES}/broken-json.json`, '--event', 'does-not-exist.json');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^test\/fixtures\/templates\/broken-json\.json:3:33: /);
  });

  it('--form encodes a flat template', () => {
    const run = preview('--form', '--template', `${TEMPLATES}/form.json`, '--event', `${EVENTS}/comment-created.json`);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('key=SUP-1&summary=Customers+cannot+log+in+to+the+support+portal+%28SSO%29&status=In+Progress&event=comment_created&urgent=true');
  });

  it('--form refuses a nested template with positions', () => {
    const run = preview('--form', '--template', `${TEMPLATES}/typed.json`, '--event', `${EVENTS}/comment-created.json`);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^test\/fixtures\/templates\/typed\.json:4:12: Encode as form needs a flat template/);
  });

  it('--help prints usage and exits 0', () => {
    const run = preview('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run preview -- --template <file> --event <file> \[--form\]/);
  });

  it.each([[[]], [['--template', 'x.json']], [['--bogus']], [['--template', 'a', '--event', 'b', 'extra']]])('bad usage %j exits 2 with usage', (args) => {
    const run = preview(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Usage:');
  });

  it('an event file that is not a Forge event exits 1 naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preview-'));
    writeFileSync(join(dir, 'bad.json'), '{"eventType": "avi:jira:created:issue"}');
    writeFileSync(join(dir, 'garbage.json'), 'not json');
    const missingIssue = preview('--template', `${TEMPLATES}/typed.json`, '--event', join(dir, 'bad.json'));
    expect(missingIssue.status).toBe(1);
    expect(missingIssue.stderr).toContain(`${join(dir, 'bad.json')}: Unsupported Forge event: issue`);
    const garbage = preview('--template', `${TEMPLATES}/typed.json`, '--event', join(dir, 'garbage.json'));
    expect(garbage.status).toBe(1);
    expect(garbage.stderr).toContain(`${join(dir, 'garbage.json')}: not valid JSON`);
  });

  it('reads a template saved with a byte order mark', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preview-'));
    writeFileSync(join(dir, 'bom.json'), '\ufeff{"k": "{{issue.key}}"}');
    const run = preview('--template', join(dir, 'bom.json'), '--event', `${EVENTS}/issue-created.json`);
    expect(run).toMatchObject({ status: 0, stdout: '{"k":"SUP-1"}' });
  });

  it('is wired as the npm script "preview"', () => {
    const run = spawnSync('npm', ['run', '--silent', 'preview', '--', '--template', `${TEMPLATES}/moveworks-style.json`, '--event', `${EVENTS}/issue-created.json`], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(expectedBody(`${TEMPLATES}/moveworks-style.json`, `${EVENTS}/issue-created.json`));
  });
});
