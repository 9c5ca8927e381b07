import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeEvent } from '../../src/core/normalize-event';
import { buildWebhookBody } from '../../src/core/webhook-body';
import { compileTemplate, contextFromWebhookBody, renderTemplate, renderToBody, type CompiledTemplate, type TemplateContext } from '../../src/core/template';

function compiled(template: unknown): CompiledTemplate {
  const result = compileTemplate(typeof template === 'string' ? template : JSON.stringify(template));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.template;
}

const render = (template: unknown, context: TemplateContext = CONTEXT): unknown => renderTemplate(compiled(template), context);

const CONTEXT: TemplateContext = {
  issue: {
    id: '10001',
    key: 'SUP-1',
    fields: {
      key: 'not the issue key',
      summary: 'Login fails',
      status: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
      project: { id: '10000', key: 'SUP' },
      priority: null,
      labels: ['sso', 'p1'],
      storyPoints: 3.5,
      flagged: false,
      zero: 0,
      empty: '',
      customfield_10001: { value: 'Gold' },
      avatarUrls: { '48x48': 'https://x/48' },
    },
  },
  changelog: { id: '10201', items: [{ field: 'status', fromString: 'To Do', toString: 'In Progress' }, { field: 'labels' }] },
  user: { accountId: 'acc-1', displayName: 'Pat' },
  webhookEvent: 'jira:issue_updated',
  timestamp: 1733303292345,
  eventId: 'msg_1',
};

describe('a string that is exactly one placeholder keeps the JSON type', () => {
  it.each([
    ['an object', '{{issue.status}}', { name: 'In Progress', statusCategory: { key: 'indeterminate' } }],
    ['an array', '{{issue.fields.labels}}', ['sso', 'p1']],
    ['a number', '{{issue.fields.storyPoints}}', 3.5],
    ['an integer', '{{timestamp}}', 1733303292345],
    ['a boolean', '{{issue.fields.flagged}}', false],
    ['zero', '{{issue.fields.zero}}', 0],
    ['null', '{{issue.fields.priority}}', null],
    ['a string', '{{issue.key}}', 'SUP-1'],
    ['an empty string (not missing)', '{{issue.fields.empty|fallback}}', ''],
    ['missing, as null', '{{issue.fields.nope}}', null],
    ['whitespace inside the braces', '{{  issue.fields.storyPoints  }}', 3.5],
  ])('%s', (_name, value, expected) => {
    expect(render({ v: value })).toEqual({ v: expected });
  });

  it('also inside arrays and nested objects', () => {
    expect(render({ a: [['{{issue.fields.zero}}', '{{issue.fields.flagged}}']], b: { c: '{{changelog.items}}' } })).toEqual({
      a: [[0, false]],
      b: { c: CONTEXT.changelog?.items },
    });
  });

  it('but not with any surrounding text, even a space', () => {
    expect(render({ v: ' {{issue.fields.storyPoints}}' })).toEqual({ v: ' 3.5' });
  });
});

describe('inside longer text, values become text', () => {
  it.each([
    ['strings', 'Key: {{issue.key}}', 'Key: SUP-1'],
    ['numbers and booleans', '{{issue.fields.storyPoints}}/{{issue.fields.zero}}/{{issue.fields.flagged}}', '3.5/0/false'],
    ['objects as compact JSON', 'status={{issue.status}}', 'status={"name":"In Progress","statusCategory":{"key":"indeterminate"}}'],
    ['arrays as compact JSON', 'labels={{issue.labels}}', 'labels=["sso","p1"]'],
    ['null as empty text', '[{{issue.priority}}]', '[]'],
    ['missing as empty text', '[{{issue.fields.nope.deeper}}]', '[]'],
    ['two adjacent placeholders', '{{issue.key}}{{issue.project.key}}', 'SUP-1SUP'],
  ])('%s', (_name, value, expected) => {
    expect(render({ v: value })).toEqual({ v: expected });
  });
});

describe('{{path|fallback}}', () => {
  it.each([
    ['missing, whole string: the fallback text', '{{issue.assignee.displayName|Unassigned}}', 'Unassigned'],
    ['null, whole string', '{{issue.priority|none}}', 'none'],
    ['a fallback is text even when it looks like a number', '{{issue.fields.nope|0}}', '0'],
    ['present value wins, keeping its type', '{{issue.fields.storyPoints|0}}', 3.5],
    ['false and 0 are values, not missing', '{{issue.fields.flagged|yes}} {{issue.fields.zero|none}}', 'false 0'],
    ['inside text', 'Priority: {{issue.priority.name|Medium}}!', 'Priority: Medium!'],
    ['spaces around the fallback are trimmed', '{{issue.nope | no one }}', 'no one'],
    ['an empty fallback', '{{issue.nope|}}', ''],
    ['a fallback may hold | and {', '{{issue.nope|a|b{c}}', 'a|b{c'],
  ])('%s', (_name, value, expected) => {
    expect(render({ v: value })).toEqual({ v: expected });
  });
});

describe('paths', () => {
  it.each([
    ['issue.X falls back to issue.fields.X', '{{issue.summary}}', 'Login fails'],
    ['deeper, after the shortcut', '{{issue.status.name}}', 'In Progress'],
    ['issue.project.key', '{{issue.project.key}}', 'SUP'],
    ['a custom field', '{{issue.customfield_10001.value}}', 'Gold'],
    ['a top-level issue property wins over a field of the same name', '{{issue.key}}', 'SUP-1'],
    ['the explicit form still works', '{{issue.fields.key}}', 'not the issue key'],
    ['numeric segments index arrays', '{{changelog.items.0.toString}}', 'In Progress'],
    ['out of range is missing', '{{changelog.items.5.field|none}}', 'none'],
    ['a numeric segment on an object is a key', '{{issue.avatarUrls.48x48}}', 'https://x/48'],
    ['a name on an array is missing', '{{issue.labels.length|none}}', 'none'],
    ['the shortcut is for issue only', '{{changelog.field|none}}', 'none'],
    ['the shortcut is for the first level only', '{{issue.status.statusCategory.key}}', 'indeterminate'],
    ['strings have no properties', '{{issue.key.length|none}}', 'none'],
    ['user', '{{user.displayName}} ({{user.accountId}})', 'Pat (acc-1)'],
    ['event fields', '{{webhookEvent}} {{eventId}}', 'jira:issue_updated msg_1'],
    ['a missing root object', '{{comment.id|no comment}}', 'no comment'],
  ])('%s', (_name, value, expected) => {
    expect(render({ v: value })).toEqual({ v: expected });
  });

  it("never reaches JavaScript's prototype", () => {
    expect(render({ a: '{{issue.constructor}}', b: '{{changelog.items.1.toString}}', c: '{{issue.fields.__proto__}}', d: '{{issue.hasOwnProperty|none}}' })).toEqual({
      a: null,
      b: null,
      c: null,
      d: 'none',
    });
  });
});

describe('object keys', () => {
  it('may hold placeholders, always rendered as text', () => {
    expect(render({ '{{issue.key}}': 1, 'n-{{issue.fields.storyPoints}}': 2, '{{issue.labels}}': 3, '{{issue.nope|other}}': 4, '{{issue.nope}}': 5 })).toEqual({
      'SUP-1': 1,
      'n-3.5': 2,
      '["sso","p1"]': 3,
      other: 4,
      '': 5,
    });
  });

  it('when two keys render alike the later value wins, at the first place', () => {
    expect(renderToBody(compiled('{"SUP-1": "a", "x": 1, "{{issue.key}}": "b"}'), CONTEXT)).toBe('{"SUP-1":"b","x":1}');
  });

  it('"__proto__" stays an ordinary key, from the template or from data', () => {
    const context: TemplateContext = { ...CONTEXT, issue: { ...CONTEXT.issue, fields: { name: '__proto__' } } };
    const value = renderTemplate(compiled('{"__proto__": {"polluted": true}, "{{issue.name}}": 2}'), context) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(renderToBody(compiled('{"__proto__": {"polluted": true}}'), context))).toEqual(JSON.parse('{"__proto__": {"polluted": true}}'));
    expect(Object.keys(value)).toEqual(['__proto__']);
  });
});

describe('data is never template', () => {
  it('{{ and ${ inside issue data are inserted as text, not expanded', () => {
    const context: TemplateContext = { ...CONTEXT, issue: { ...CONTEXT.issue, fields: { summary: 'see {{issue.key}} and ${eventId} {{' } } };
    expect(render({ a: '{{issue.summary}}', b: '> {{issue.summary}}' }, context)).toEqual({ a: 'see {{issue.key}} and ${eventId} {{', b: '> see {{issue.key}} and ${eventId} {{' });
  });

  it('an escaped brace writes a literal {{', () => {
    expect(render('{"a": "\\u007b{issue.key}} = {{issue.key}}"}')).toEqual({ a: '{{issue.key}} = SUP-1' });
  });

  it('literal text keeps braces, dollars and closers', () => {
    expect(render({ a: 'Cost: ${{issue.fields.storyPoints}} {x} }} $' })).toEqual({ a: 'Cost: $3.5 {x} }} $' });
  });

  it('${path} renders like {{path}}', () => {
    expect(render({ a: '${issue.key}', b: 'x ${issue.nope|none} ${issue.fields.storyPoints}', c: '${issue.labels}' })).toEqual({ a: 'SUP-1', b: 'x none 3.5', c: ['sso', 'p1'] });
  });
});

describe('literals and the body', () => {
  it('keeps literal numbers, booleans, null, nesting and key order', () => {
    const template = { b: 1, a: [true, null, { z: -0.5, y: 'text' }], e: {}, f: [] };
    expect(renderToBody(compiled(template), CONTEXT)).toBe(JSON.stringify(template));
  });

  it('renders a top-level array', () => {
    expect(render(['{{issue.key}}', 1])).toEqual(['SUP-1', 1]);
  });

  it('renderToBody is compact JSON of renderTemplate', () => {
    const template = compiled({ k: '{{issue.key}}', s: '{{issue.status}}' });
    expect(renderToBody(template, CONTEXT)).toBe(JSON.stringify(renderTemplate(template, CONTEXT)));
  });

  it('is deterministic and leaves the context alone', () => {
    const before = JSON.stringify(CONTEXT);
    const template = compiled({ s: '{{issue.status}}', l: '{{issue.labels}}' });
    expect(renderToBody(template, CONTEXT)).toBe(renderToBody(template, CONTEXT));
    expect(JSON.stringify(CONTEXT)).toBe(before);
  });

  it('a compiled template is plain data that survives a JSON round trip', () => {
    const template = compiled({ '{{issue.key}}': ['a {{issue.summary|x}}', '{{issue.status}}', 1, null] });
    const copy = JSON.parse(JSON.stringify(template)) as CompiledTemplate;
    expect(renderToBody(copy, CONTEXT)).toBe(renderToBody(template, CONTEXT));
  });
});

describe('with the context of each Forge event fixture', () => {
  const fixtures = ['issue-created', 'issue-updated-field', 'issue-updated-status', 'issue-assigned', 'issue-deleted', 'comment-created', 'comment-updated', 'comment-deleted'];
  const template = compiled(JSON.parse(readFileSync(join(__dirname, '../fixtures/templates/typed.json'), 'utf8')));

  it.each(fixtures)('%s renders valid JSON from the event alone', (name) => {
    const raw: unknown = JSON.parse(readFileSync(join(__dirname, '../fixtures/forge-events', `${name}.json`), 'utf8'));
    const body = buildWebhookBody(normalizeEvent(raw, 0), undefined);
    const rendered = JSON.parse(renderToBody(template, contextFromWebhookBody(body))) as Record<string, unknown>;
    expect(rendered).toMatchObject({
      eventId: body.eventId,
      timestamp: body.timestamp,
      issue: { key: 'SUP-1', summary: body.issue.fields.summary, project: body.issue.fields.project, isSubtask: false },
      headline: `[SUP] SUP-1: ${String(body.issue.fields.summary)}`,
      changes: body.changelog?.items ?? null,
      actor: body.user?.accountId,
      comment: body.comment?.body ?? '',
      tags: ['relay', 'Bug'],
    });
  });

  it('the status transition shows from and to', () => {
    const raw: unknown = JSON.parse(readFileSync(join(__dirname, '../fixtures/forge-events/issue-updated-status.json'), 'utf8'));
    const context = contextFromWebhookBody(buildWebhookBody(normalizeEvent(raw, 0), undefined));
    expect(renderTemplate(template, context)).toMatchObject({ firstChange: 'status: To Do → In Progress', issue: { status: 'In Progress', category: 'indeterminate' } });
  });
});
