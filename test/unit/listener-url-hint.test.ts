import { listenerUrlHint, looksLikeListenerUrl } from '../../src/shared/listener-url-hint';

const LISTENER_PATH = '/webhooks/v1/listeners/0f8b1a2c-1111-4222-8333-944445555666/notify';

describe('listenerUrlHint (the advice under the URL field)', () => {
  it('says nothing about an Agent Studio listener URL', () => {
    expect(listenerUrlHint(`https://api.moveworks.ai${LISTENER_PATH}`)).toBeUndefined();
    expect(looksLikeListenerUrl(`https://api.moveworks.ai${LISTENER_PATH}`)).toBe(true);
  });

  it('names the scheme, not the path, for plain http to a listener path', () => {
    const hint = listenerUrlHint(`http://api.moveworks.ai${LISTENER_PATH}`);
    expect(hint).toMatch(/must start with https:\/\//);
    expect(hint).not.toMatch(/does not look like/);
  });

  it('names both when the scheme and the path are wrong', () => {
    expect(listenerUrlHint('http://hooks.example.com/x')).toMatch(/start with https:\/\/ and end in \/webhooks\/v1\/listeners/);
  });

  it('names the path of an https URL that is not a listener URL', () => {
    expect(listenerUrlHint('https://hooks.example.com/x')).toMatch(/does not look like .* end in \/webhooks\/v1\/listeners\/<id>\/notify/);
  });

  it('accepts plain http on loopback (the local platform), so only the path can be wrong there', () => {
    expect(listenerUrlHint(`http://127.0.0.1:8787${LISTENER_PATH}`)).toBeUndefined();
    expect(listenerUrlHint('http://localhost:9000/listener/x/notify')).toMatch(/does not look like/);
    expect(listenerUrlHint('http://localhost:9000/listener/x/notify')).not.toMatch(/https/);
  });

  it('asks for the whole URL when the scheme is missing', () => {
    expect(listenerUrlHint(`api.moveworks.ai${LISTENER_PATH}`)).toMatch(/whole URL, starting with https:\/\//);
  });
});
