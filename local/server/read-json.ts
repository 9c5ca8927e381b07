/** Reads a JSON request body; `undefined` when it is missing or not JSON, so zod reports it. */
import type { Context } from 'hono';

export async function readJson(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    return undefined;
  }
}
