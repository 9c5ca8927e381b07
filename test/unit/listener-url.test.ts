import { checkListenerUrl } from '../../src/core/listener-url';
import { looksLikeListenerUrl } from '../../src/shared/listener-url-hint';

describe('checkListenerUrl', () => {
  it('accepts an Agent Studio listener URL', () => {
    const result = checkListenerUrl(' https://api.moveworks.ai/webhooks/v1/listeners/0f8b1a2c-1111-4222-8333-944445555666/notify ');
    expect(result.ok).toBe(true);
    if (result.ok) expect(looksLikeListenerUrl(result.url.href)).toBe(true);
    expect(looksLikeListenerUrl('https://api.moveworks.ai/hooks/x')).toBe(false);
  });

  it('refuses plain http to a public host', () => {
    expect(checkListenerUrl('http://api.moveworks.ai/x')).toEqual({ ok: false, message: 'The listener URL must start with https://' });
  });

  it('accepts http only on loopback, for the local platform', () => {
    expect(checkListenerUrl('http://127.0.0.1:8787/listener/x/notify').ok).toBe(true);
    expect(checkListenerUrl('http://localhost:9000/').ok).toBe(true);
  });

  it('refuses credentials in the URL and text that is not a URL', () => {
    expect(checkListenerUrl('https://user:key@api.moveworks.ai/')).toMatchObject({ ok: false, message: expect.stringMatching(/API key field/) as string });
    expect(checkListenerUrl('api.moveworks.ai')).toMatchObject({ ok: false });
  });
});
