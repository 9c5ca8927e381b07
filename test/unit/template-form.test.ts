import { compileFormTemplate, compileTemplate, encodeAsForm, renderToBody, type CompiledFormTemplate, type TemplateContext, type TemplateIssue } from '../../src/core/template';

const CONTEXT: TemplateContext = {
  issue: { id: '10001', key: 'SUP-1', fields: { summary: 'Login fails & more = 100% (SSO)', status: { name: 'In Progress' }, labels: ['a', 'b'], points: 3, assignee: null } },
  webhookEvent: 'jira:issue_updated',
  timestamp: 1733303292345,
  eventId: 'msg_1',
};

function form(template: unknown): CompiledFormTemplate {
  const result = compileFormTemplate(JSON.stringify(template));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.template;
}

function formErrors(text: string): TemplateIssue[] {
  const result = compileFormTemplate(text);
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
}

describe('encodeAsForm', () => {
  it('encodes each property as one application/x-www-form-urlencoded field, in template order', () => {
    const template = form({ key: '{{issue.key}}', summary: '{{issue.summary}}', status: 'Now {{issue.status.name}}', event: '{{webhookEvent}}' });
    expect(encodeAsForm(template, CONTEXT)).toBe('key=SUP-1&summary=Login+fails+%26+more+%3D+100%25+%28SSO%29&status=Now+In+Progress&event=jira%3Aissue_updated');
  });

  it('writes every value as text: literals, numbers, booleans, null, objects as compact JSON', () => {
    const template = form({ n: 1.5, t: true, z: null, p: '{{issue.points}}', o: '{{issue.status}}', l: '{{issue.labels}}', m: '{{issue.nope}}', a: '{{issue.assignee}}', f: '{{issue.assignee|nobody}}', '{{issue.key}}': 'key' });
    expect(Object.fromEntries(new URLSearchParams(encodeAsForm(template, CONTEXT)))).toEqual({
      n: '1.5',
      t: 'true',
      z: '',
      p: '3',
      o: '{"name":"In Progress"}',
      l: '["a","b"]',
      m: '',
      a: '',
      f: 'nobody',
      'SUP-1': 'key',
    });
  });

  it('encodes unicode as UTF-8', () => {
    expect(encodeAsForm(form({ s: 'é 😀' }), CONTEXT)).toBe('s=%C3%A9+%F0%9F%98%80');
  });

  it('an empty object is an empty body', () => {
    expect(encodeAsForm(form({}), CONTEXT)).toBe('');
  });

  it('a form template is also a JSON template', () => {
    expect(renderToBody(form({ p: '{{issue.points}}' }), CONTEXT)).toBe('{"p":3}');
  });

  it('accepts only a compiled FORM template (checked by the type system)', () => {
    const json = compileTemplate('{"a": {"b": 1}}');
    if (!json.ok) throw new Error('should compile');
    // @ts-expect-error a JSON template may be nested, so it is not a CompiledFormTemplate
    expect(() => encodeAsForm(json.template, CONTEXT)).not.toThrow();
  });
});

describe('compileFormTemplate refuses what cannot be a form, with positions', () => {
  it('a nested object or array value', () => {
    expect(formErrors('{\n  "a": "{{issue.key}}",\n  "b": {"c": 1},\n  "d": [1]\n}')).toEqual([
      { line: 3, column: 8, message: expect.stringMatching(/^Encode as form needs a flat template: the value of "b" is an object; use a string such as "{{issue.fields.labels}}"/) as unknown },
      { line: 4, column: 8, message: expect.stringMatching(/the value of "d" is an array/) as unknown },
    ]);
  });

  it('a top-level array or scalar', () => {
    expect(formErrors('["{{issue.key}}"]')).toEqual([{ line: 1, column: 1, message: expect.stringMatching(/needs a JSON object at the top level.*not an array/) as unknown }]);
    expect(formErrors('"x"')[0].message).toMatch(/not a string/);
  });

  it('placeholder errors as well, all sorted by position', () => {
    expect(formErrors('{"a": [1], "b": "{{nope}}"}').map((e) => e.column)).toEqual([7, 20]);
  });

  it('bad JSON, as for JSON templates', () => {
    expect(formErrors('{"a": 1,}')).toEqual([expect.objectContaining({ line: 1, column: 8 })]);
  });

  it('keeps the ${} warnings', () => {
    const result = compileFormTemplate('{"a": "${issue.key}"}');
    expect(result.ok && result.warnings).toEqual([expect.objectContaining({ line: 1, column: 8 })]);
  });
});
