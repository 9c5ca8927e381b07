import { compileFormTemplate, compileTemplate, encodeAsForm, renderToBody, type TemplateContext } from '../../src/core/template';
import { prng } from '../support/prng';

/** The pieces that break hand-built JSON, HTML embedding or naive template engines. */
const NASTY = [
  '"', "'", '\\', '\\"', '\\\\"', '\n', '\r\n', '\t', '\b', '\f', '\u0000', '\u001f', '\u007f', '\u2028', '\u2029', '\ufeff',
  '</script>', '<!--', ']]>', '{{', '}}', '{{issue.key}}', '${eventId}', '${', '{', '}', '[', ']', ',', ':', '"}', '"]}',
  'é', '日本語', '😀', '\ud83d', '\ude00', '&amp;', '%20', '+', '=', '&', '?', '#', 'null', 'true', '0', '-1e999', ' ',
];

function nastyString(random: () => number): string {
  const length = Math.floor(random() * 8);
  let text = '';
  for (let i = 0; i < length; i++) text += random() < 0.8 ? NASTY[Math.floor(random() * NASTY.length)] : String.fromCharCode(Math.floor(random() * 0x10000));
  return text;
}

function contextWith(summary: string, extra: string, commentText: string): TemplateContext {
  return {
    issue: { id: '1', key: extra, fields: { summary, labels: [summary, extra], customfield_1: { text: commentText } } },
    comment: { id: '2', body: commentText },
    user: { accountId: extra },
    webhookEvent: 'jira:issue_updated',
    timestamp: 1,
    eventId: summary,
  };
}

function mustCompile(text: string) {
  const result = compileTemplate(text);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.template;
}

describe('the body is valid JSON whatever the issue holds', () => {
  const template = mustCompile(
    JSON.stringify({
      exact: '{{issue.summary}}',
      text: 'Summary: "{{issue.summary}}" by {{user.accountId}}\n',
      twice: '{{issue.summary}}{{comment.body}}',
      object: '{{issue.customfield_1}}',
      objectText: 'cf={{issue.customfield_1}}',
      array: '{{issue.labels}}',
      '{{issue.key}}': 'key from data',
      nested: [{ deep: ['{{eventId}}', 'x{{comment.body|}}y'] }],
    }),
  );

  it('for 2,000 generated strings of quotes, backslashes, control characters, U+2028, lone surrogates and {{', () => {
    const random = prng(42);
    for (let i = 0; i < 2000; i++) {
      const summary = nastyString(random);
      const key = nastyString(random);
      const comment = nastyString(random);
      const body = renderToBody(template, contextWith(summary, key, comment));
      let parsed: unknown;
      expect(() => {
        parsed = JSON.parse(body) as unknown;
      }).not.toThrow();
      expect(parsed).toEqual({
        exact: summary,
        text: `Summary: "${summary}" by ${key}\n`,
        twice: summary + comment,
        object: { text: comment },
        objectText: `cf=${JSON.stringify({ text: comment })}`,
        array: [summary, key],
        [key]: 'key from data',
        nested: [{ deep: [summary, `x${comment}y`] }],
      });
    }
  });

  it.each([
    ['a double quote', 'He said "hi"'],
    ['a backslash before a quote', 'C:\\path\\"x'],
    ['newlines', 'line 1\nline 2\r\nline 3'],
    ['</script>', '</script><script>alert(1)</script>'],
    ['U+2028 and U+2029', 'a\u2028b\u2029c'],
    ['unicode', 'Ünïcödé 日本語 😀'],
    ['a lone surrogate', 'x\ud800y'],
    ['a placeholder', '{{issue.key}} ${eventId} {{'],
    ['something that looks like JSON', '", "injected": true, "x": "'],
  ])('round-trips %s exactly', (_name, value) => {
    const body = renderToBody(template, contextWith(value, 'K', value));
    const parsed = JSON.parse(body) as Record<string, unknown>;
    expect(parsed.exact).toBe(value);
    expect(parsed.text).toBe(`Summary: "${value}" by K\n`);
    expect(Object.keys(parsed)).not.toContain('injected');
  });
});

describe('the form body round-trips whatever the issue holds', () => {
  const compiled = compileFormTemplate(JSON.stringify({ summary: '{{issue.summary}}', text: '[{{comment.body}}]', '{{issue.key}}': 'k', object: '{{issue.customfield_1}}' }));
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));

  it('for 1,000 generated strings', () => {
    const random = prng(7);
    for (let i = 0; i < 1000; i++) {
      const summary = nastyString(random);
      const key = `k${nastyString(random)}`;
      const comment = nastyString(random);
      const encoded = encodeAsForm(compiled.template, contextWith(summary, key, comment));
      expect(encoded).toMatch(/^[A-Za-z0-9%+=&*._-]*$/);
      const fields = new URLSearchParams(encoded);
      // URLSearchParams writes lone surrogates as U+FFFD, as every form encoder must (UTF-8 has no lone surrogates).
      const wellFormed = (s: string): string => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
      expect(fields.get('summary')).toBe(wellFormed(summary));
      expect(fields.get('text')).toBe(wellFormed(`[${comment}]`));
      expect(fields.get(wellFormed(key))).toBe('k');
      expect(fields.get('object')).toBe(wellFormed(JSON.stringify({ text: comment })));
    }
  });
});
