import { compileTemplate, type TemplateIssue } from '../../src/core/template';

function errors(text: string): TemplateIssue[] {
  const result = compileTemplate(text);
  if (result.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused`);
  return result.errors;
}

function warnings(text: string): TemplateIssue[] {
  const result = compileTemplate(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to compile: ${JSON.stringify(result.errors)}`);
  return result.warnings;
}

describe('broken smart values are refused at compile time with their position', () => {
  it.each([
    ['unclosed placeholder', '{\n  "a": "x {{issue.key"\n}', 2, 11, /Unclosed placeholder '{{issue.key': expected '}}'/],
    ['single closing brace', '{"a": "{{issue.key}"}', 1, 8, /Unclosed placeholder '{{issue.key}': expected '}}'/],
    ['unclosed before the next opener', '{"a": "{{issue.key and {{issue.summary}}"}', 1, 8, /Unclosed placeholder/],
    ['unclosed ${', '{"a": "${issue.key"}', 1, 8, /Unclosed placeholder '\$\{issue.key': expected '}'/],
    ['empty path', '{"a": "{{}}"}', 1, 10, /Empty path in {{}}/],
    ['blank path', '{"a": "{{  }}"}', 1, 12, /Empty path/],
    ['empty path with a fallback', '{"a": "{{|none}}"}', 1, 10, /Empty path in {{\|none}}/],
    ['empty segment', '{"a": "{{issue..key}}"}', 1, 16, /Empty path segment in {{issue..key}}/],
    ['trailing dot', '{"a": "{{issue.}}"}', 1, 16, /Empty path segment/],
    ['leading dot', '{"a": "{{.issue}}"}', 1, 10, /Empty path segment/],
    ['bracket index', '{"a": "{{changelog.items[0]}}"}', 1, 20, /Invalid path segment 'items\[0\]'.*changelog\.items\.0\.toString/],
    ['space inside a path', '{"a": "{{issue. key}}"}', 1, 16, /Invalid path segment ' key'/],
    ['quote inside a path', '{"a": "{{issue.\\"key}}"}', 1, 16, /Invalid path segment '"key'/],
    ['leading-zero index', '{"a": "{{changelog.items.01}}"}', 1, 26, /no leading zeros/],
    ['unknown root', '{"a": "{{issues.key}}"}', 1, 10, /Unknown smart value 'issues'.*paths start with issue, changelog, comment, worklog, attachment, issueLink, sla, user, webhookEvent, timestamp, eventId/],
    ['{{now}}', '{"a": "{{now}}"}', 1, 10, /there is no {{now}}: {{timestamp}}/],
    ['.toLowerCase()', '{"a": "{{issue.summary.toLowerCase()}}"}', 1, 24, /Unknown function 'toLowerCase\(\)' in {{issue.summary.toLowerCase\(\)}}: this template language has no functions/],
    ['a function with arguments', '{"a": "{{issue.summary.substring(0, 10)}}"}', 1, 24, /Unknown function 'substring\(\)'/],
    ['a function whose argument holds a dot', '{"a": "{{issue.summary.replace(\\".\\", \\"\\")}}"}', 1, 24, /Unknown function 'replace\(\)'/],
    ['Automation .jsonEncode', '{"a": "{{issue.summary.jsonEncode}}"}', 1, 24, /Unknown function 'jsonEncode'.*escaped automatically/],
    ['Automation .asJsonString', '{"a": "{{issue.summary.asJsonString}}"}', 1, 24, /Unknown function 'asJsonString'/],
    ['Handlebars triple braces', '{"a": "{{{issue.key}}}"}', 1, 10, /Invalid path segment '{issue'/],
    ['Handlebars block helper', '{"a": "{{#if issue.key}}"}', 1, 10, /Invalid path segment '#if issue'/],
    ['an error in an object key', '{"{{issue.}}": 1}', 1, 11, /Empty path segment/],
    ['positions account for escapes before the placeholder', '{"a": "\\n\\t\\u0041{{x}}"}', 1, 20, /Unknown smart value 'x'/],
  ])('%s', (_name, text, line, column, message) => {
    const [error] = errors(text);
    expect(error).toMatchObject({ line, column });
    expect(error.message).toMatch(message);
  });

  it('reports every broken placeholder, in order, not just the first', () => {
    const text = '{\n  "b": "{{issue..key}}",\n  "a": ["{{nope}}", "ok {{issue.key}}", "{{x"],\n  "{{user.}}": 1\n}';
    expect(errors(text).map(({ line, column }) => [line, column])).toEqual([
      [2, 17],
      [3, 12],
      [3, 42],
      [4, 11],
    ]);
  });

  it('stops at the first unclosed placeholder of a string (the rest of it is no longer meaningful)', () => {
    expect(errors('{"a": "{{x {{nope"}')).toHaveLength(1);
  });

  it('reports JSON syntax before anything else: a broken document has no strings to check', () => {
    expect(errors('{"a": "{{nope}}",}')).toEqual([expect.objectContaining({ message: expect.stringMatching(/Trailing comma/) as unknown })]);
  });
});

describe('accepted spellings', () => {
  it.each([
    ['{{issue.key}}'],
    ['{{ issue.key }}'],
    ['{{issue.fields.customfield_10001}}'],
    ['{{issue.fields.project.avatarUrls.48x48}}'],
    ['{{issue.properties.my-property}}'],
    ['{{changelog.items.0.toString}}'],
    ['{{changelog.items.10.field}}'],
    ['{{issue.assignee.displayName|Unassigned}}'],
    ['{{issue.assignee.displayName | nobody, sorry }}'],
    ['{{issue.fields.labels|}}'],
    ['{{user.accountId}} {{webhookEvent}} {{timestamp}} {{eventId}} {{comment.id}}'],
    ['plain text with { braces } and $dollars and }} closers'],
    ['Cost: ${{issue.fields.price}}'],
    ['\\u007b{issue.key}} is how to write a literal double brace'],
  ])('%s', (value) => {
    const result = compileTemplate(JSON.stringify({ value }));
    expect(result).toMatchObject({ ok: true, warnings: [] });
  });
});

describe('${path} (the syntax of Moveworks\' guide)', () => {
  it('is accepted with a warning at its position', () => {
    const found = warnings('{\n  "id": "${issue.key}",\n  "t": "x ${issue.summary|none} y"\n}');
    expect(found).toEqual([
      { line: 2, column: 10, message: expect.stringMatching(/^\$\{issue\.key\} uses the \$\{…\} syntax of Moveworks' guide; it works, but Jira and this app write {{issue\.key}}$/) as unknown },
      { line: 3, column: 11, message: expect.stringMatching(/write {{issue\.summary\|none}}/) as unknown },
    ]);
  });

  it('is checked like {{path}}', () => {
    expect(errors('{"a": "${issue..key}"}')[0]).toMatchObject({ line: 1, column: 16, message: expect.stringMatching(/Empty path segment in \$\{issue\.\.key\}/) as unknown });
    expect(errors('{"a": "${now}"}')[0].message).toMatch(/Unknown smart value 'now'/);
  });

  it('warns in keys too', () => {
    expect(warnings('{"${issue.key}": 1}')).toEqual([expect.objectContaining({ line: 1, column: 3 })]);
  });

  it('does not apply to an escaped dollar or brace, or a lone $', () => {
    expect(warnings('{"a": "\\u0024{issue.key}", "b": "$\\u007bx}", "c": "$5 {not} $"}')).toEqual([]);
  });
});
