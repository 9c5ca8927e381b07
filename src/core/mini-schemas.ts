// zod/mini, the tree-shakable form of zod: these build the schemas the trigger runs, whose bundle is measured (bench).
import * as z from 'zod/mini';

/*
 * Two of zod's schemas bring more code into the trigger's minified bundle than their job there needs;
 * these judge the same data the same way with less (sizes measured with bench/lib/sizes.ts; equivalence
 * checked by test/unit/mini-schemas.test.ts).
 */

/**
 * `z.record(z.string(), value)` for JSON data, without zod's record schema (2.3 KB): an object with no
 * known properties whose every property must match `value`. For JSON (Forge events, KVS values, Jira's
 * answers) it accepts, refuses and returns exactly what the record would: arrays are refused, and
 * a `__proto__` key is dropped the same way.
 */
export function jsonRecord<T extends z.core.SomeType>(value: T): z.ZodMiniObject<Record<never, never>, z.core.$catchall<T>> {
  return z.catchall(z.object({}), value);
}

/** `z.int()` (a safe integer) without zod's number formats (0.7 KB). */
export const safeInteger = z.number().check(z.refine(Number.isSafeInteger));
