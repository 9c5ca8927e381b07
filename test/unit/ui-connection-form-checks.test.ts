import { toFormValues, type ConnectionFormValues } from '../../static/app/src/model/connection-form-values';
import { listenerUrlError, urlChanged, validateConnectionForm } from '../../static/app/src/model/validate-connection-form';
import { HALF_HOURS, typedTimeValue } from '../../static/app/src/format/picker-times';

function values(patch: Partial<ConnectionFormValues>): ConnectionFormValues {
  return { ...toFormValues(undefined), ...patch };
}

describe('validateConnectionForm (the admin page’s checks before a save)', () => {
  it('reports every mistake it can see at once, with the server’s words', () => {
    const errors = validateConnectionForm(
      values({
        name: ' ',
        url: 'http://api.moveworks.ai/webhooks/v1/listeners/abc/notify',
        token: 'abc123',
        rateLimitPerSecond: '0',
        headers: [{ rowId: 1, name: 'Authorization', value: 'Basic abc' }],
      }),
      { tokenRequired: true },
    );
    expect(errors).toEqual({
      name: expect.stringMatching(/name/) as string,
      url: 'The listener URL must start with https://',
      token: 'The API key looks too short',
      rateLimitPerSecond: expect.stringMatching(/greater than 0/) as string,
      'headers.0.name': 'The app sets Authorization from the API key: put the key in the API key field',
    });
  });

  it('mirrors the server’s URL rule: https, or plain http on loopback; no credentials', () => {
    expect(listenerUrlError('https://api.moveworks.ai/x')).toBeUndefined();
    expect(listenerUrlError('http://127.0.0.1:8787/listener/x/notify')).toBeUndefined();
    expect(listenerUrlError('ftp://api.moveworks.ai/x')).toBe('The listener URL must start with https://');
    expect(listenerUrlError('https://user:key@api.moveworks.ai/')).toMatch(/API key field/);
    expect(listenerUrlError('api.moveworks.ai')).toMatch(/Enter a full URL/);
  });

  it('checks the API key like the server: no spaces, 8 characters or more', () => {
    const check = (token: string) => validateConnectionForm(values({ name: 'n', url: 'https://api.moveworks.ai/x', token }), { tokenRequired: true }).token;
    expect(check('abc def ghi')).toBe('The API key cannot contain spaces');
    expect(check('1234567')).toBe('The API key looks too short');
    expect(check('12345678')).toBeUndefined();
    expect(check('')).toMatch(/Enter the API key/);
  });

  it('asks for a new key when an edit points the connection at another URL', () => {
    const storedUrl = 'https://api.moveworks.ai/webhooks/v1/listeners/1/notify';
    const base = { name: 'n', rateLimitPerSecond: '5' };
    expect(validateConnectionForm(values({ ...base, url: storedUrl }), { tokenRequired: false, storedUrl }).token).toBeUndefined();
    expect(validateConnectionForm(values({ ...base, url: 'https://api.moveworks.ai/webhooks/v1/listeners/2/notify' }), { tokenRequired: false, storedUrl }).token).toMatch(
      /URL changed/,
    );
    // The server compares normalised URLs: a trailing space or an upper-case host is the same listener.
    expect(urlChanged({ url: ' https://API.moveworks.ai/webhooks/v1/listeners/1/notify ' }, storedUrl)).toBe(false);
  });

  it('refuses a duplicate header and a rate above 50', () => {
    const errors = validateConnectionForm(
      values({ name: 'n', url: 'https://api.moveworks.ai/x', token: '12345678', rateLimitPerSecond: '51', headers: [{ rowId: 1, name: 'X-Team', value: 'a' }, { rowId: 2, name: 'x-team', value: 'b' }] }),
      { tokenRequired: true },
    );
    expect(errors).toEqual({ rateLimitPerSecond: expect.stringMatching(/at most 50/) as string, 'headers.1.name': 'This header is already listed' });
  });
});

describe('time picker entries', () => {
  it('lists the whole day every half hour', () => {
    expect(HALF_HOURS).toHaveLength(48);
    expect(HALF_HOURS[0]).toBe('00:00');
    expect(HALF_HOURS.at(-1)).toBe('23:30');
  });

  it('reads typed times in 12- and 24-hour form', () => {
    expect(typedTimeValue('12:50 AM')).toBe('00:50');
    expect(typedTimeValue('23:00')).toBe('23:00');
    expect(typedTimeValue('7:15 PM')).toBe('19:15');
    expect(typedTimeValue('7pm')).toBe('19:00');
    expect(typedTimeValue('12 pm')).toBe('12:00');
    expect(typedTimeValue('19.15')).toBe('19:15');
    expect(typedTimeValue('0715')).toBe('07:15');
    expect(typedTimeValue('7 p.m.')).toBe('19:00');
  });

  it('refuses text that is not a time', () => {
    for (const text of ['24:00', '13 PM', '7:75', '12:30:75', 'noon', '', '12:30:99x']) expect(typedTimeValue(text)).toBeUndefined();
  });
});
