import { invoke } from '@forge/bridge';
import type { AdminResolvers, ProjectResolvers, ResolverError, ResolverResult } from '../../../../src/shared/contract';

type Resolvers = AdminResolvers & ProjectResolvers;
export type ResolverName = keyof Resolvers;
export type PayloadOf<K extends ResolverName> = Resolvers[K]['payload'];
export type DataOf<K extends ResolverName> = Resolvers[K]['data'];

/** Shown when the bridge or the platform fails, so users never see a stack trace or raw JSON. */
const UNREACHABLE: ResolverError = {
  code: 'INTERNAL',
  message: 'Agent Studio Relay could not be reached. Reload the page and try again; if it keeps happening, contact your Jira administrator.',
};

const MALFORMED: ResolverError = {
  code: 'INTERNAL',
  message: 'Agent Studio Relay sent an answer this page does not understand. Reload the page and try again.',
};

function isResolverResult(value: unknown): value is ResolverResult<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  if (value.ok === true) return 'data' in value;
  if (value.ok !== false || !('error' in value)) return false;
  const error = value.error;
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string';
}

/**
 * The only place that calls `invoke`. A resolver's `{ ok: false }` is passed through untouched
 * (its code and field drive the UI); a rejected call or an unexpected shape becomes a friendly error.
 */
export async function callResolver<K extends ResolverName>(name: K, payload: PayloadOf<K>): Promise<ResolverResult<DataOf<K>>> {
  let raw: unknown;
  try {
    // The bridge types payloads as an index signature, which contract interfaces do not declare.
    raw = await invoke(name, payload as Record<string, unknown>);
  } catch (err) {
    // Kept in the console for developers; the user gets a sentence they can act on.
    console.error(`Resolver ${name} failed`, err);
    return { ok: false, error: UNREACHABLE };
  }
  if (!isResolverResult(raw)) {
    console.error(`Resolver ${name} returned an unexpected value`, raw);
    return { ok: false, error: MALFORMED };
  }
  // The contract types the data; the resolver validates what it sends.
  return raw as ResolverResult<DataOf<K>>;
}
