import * as z from 'zod/mini';
import { jsonRecord, safeInteger } from '../../src/core/mini-schemas';

/** The trigger's stand-ins for zod schemas (src/core/mini-schemas.ts) must judge JSON data exactly as those do. */
describe('zod/mini stand-ins', () => {
  const json = [
    '{}',
    '{"a":1,"b":"x"}',
    '{"a":["x"],"b":[]}',
    '{"a":["x"],"b":[1]}',
    '{"a":"x"}',
    '{"__proto__":{"polluted":true},"b":["y"]}',
    '{"constructor":["z"],"1":["n"]}',
    '[]',
    '[["x"]]',
    'null',
    '"text"',
    '42',
  ];

  it.each(json)('jsonRecord judges %s as z.record does', (text) => {
    for (const value of [z.unknown(), z.array(z.string())]) {
      const expected = z.record(z.string(), value).safeParse(JSON.parse(text));
      const actual = jsonRecord(value).safeParse(JSON.parse(text));
      expect(actual.success).toBe(expected.success);
      if (expected.success && actual.success) {
        expect(actual.data).toEqual(expected.data);
        expect(Object.keys(actual.data)).toEqual(Object.keys(expected.data));
        expect(Object.getPrototypeOf(actual.data)).toBe(Object.getPrototypeOf(expected.data));
      } else {
        expect(actual.error?.issues.map((i) => i.path)).toEqual(expected.error?.issues.map((i) => i.path));
      }
    }
  });

  it.each([0, 1, -7, 2 ** 53 - 1, 2 ** 53, 1.5, Number.NaN, Infinity, '1', null])('safeInteger judges %p as z.int() does', (value) => {
    expect(safeInteger.safeParse(value).success).toBe(z.int().safeParse(value).success);
  });
});
