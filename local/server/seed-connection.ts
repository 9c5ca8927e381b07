/**
 * Seeds the first connection through the app's own resolver (as the Jira admin), so seeding obeys the
 * same validation and storage as a connection saved from the admin page.
 */
import type { LocalForge } from '../contracts';
import type { AdminOverview, ConnectionInput, ConnectionView, ResolverResult } from '../../src/shared/contract';
import { ADMIN_MODULE_KEY } from '../../src/shared/contract';
import { DEFAULT_EVENT_KINDS } from '../../src/shared/events';
import type { SiteUser } from '../contracts';

export interface SeedTarget {
  url: string;
  token: string;
  rate: number;
  /** True when the URL came from LISTENER_URL (then it replaces a different stored URL). */
  explicitUrl: boolean;
  /** True when the token came from LISTENER_TOKEN (then it replaces the stored token on update). */
  explicitToken: boolean;
  /** True when the rate came from LISTENER_RATE (then it replaces the stored rate). */
  explicitRate?: boolean;
  /** Path of the built-in sample listener: a stored URL with this path but another origin is stale (port change). */
  samplePath: string;
}

/** Seeding would send the stored token somewhere new: the platform must not start. */
export class SeedRefusedError extends Error {
  override readonly name = 'SeedRefusedError';
}

export type SeedOutcome =
  | { action: 'created' | 'updated'; connection: ConnectionView }
  | { action: 'kept'; connection: ConnectionView }
  | { action: 'failed'; message: string };

function isResult<T>(value: unknown): value is ResolverResult<T> {
  return typeof value === 'object' && value !== null && 'ok' in value;
}

export async function seedFirstConnection(forge: LocalForge, admin: SiteUser, target: SeedTarget): Promise<SeedOutcome> {
  const call = async <T>(functionKey: string, payload: unknown): Promise<ResolverResult<T>> => {
    const result = await forge.invokeResolver({ moduleKey: ADMIN_MODULE_KEY, functionKey, payload, accountId: admin.accountId, extension: { type: 'jira:adminPage' } });
    if (!isResult<T>(result)) throw new Error(`${functionKey} returned an unexpected shape`);
    return result;
  };

  const overview = await call<AdminOverview>('admin/overview', {});
  if (!overview.ok) return { action: 'failed', message: `admin/overview: ${overview.error.message}` };
  const first = overview.data.connections[0];

  if (!first) {
    const input: ConnectionInput = {
      name: 'Agent Studio listener',
      url: target.url,
      token: target.token,
      rateLimitPerSecond: target.rate,
      events: [...DEFAULT_EVENT_KINDS],
      projects: { mode: 'all' },
      enabled: true,
    };
    const saved = await call<ConnectionView>('connections/save', input);
    return saved.ok ? { action: 'created', connection: saved.data } : { action: 'failed', message: `connections/save (${saved.error.field ?? 'input'}): ${saved.error.message}` };
  }

  const staleSample = !target.explicitUrl && first.url !== target.url && safePath(first.url) === target.samplePath;
  const urlChanged = target.explicitUrl && first.url !== target.url;
  // LISTENER_TOKEN or LISTENER_RATE given for the same URL: a developer replacing a key or a rate.
  const rateChanged = target.explicitRate === true && first.rateLimitPerSecond !== target.rate;
  const settingsChanged = target.explicitUrl && !urlChanged && (target.explicitToken || rateChanged);
  if (!urlChanged && !staleSample && !settingsChanged) return { action: 'kept', connection: first };
  // The stored token is the old listener's API key: it must never be sent to another URL.
  if (urlChanged && !target.explicitToken) {
    throw new SeedRefusedError(
      `LISTENER_URL changes the first connection "${first.name}" from ${first.url} to ${target.url}, but LISTENER_TOKEN is not set: ` +
        'set LISTENER_TOKEN to the API key of the new listener (its stored token belongs to the old URL and is not sent elsewhere).',
    );
  }

  const update: ConnectionInput = {
    id: first.id,
    name: first.name,
    url: target.url,
    enabled: first.enabled,
    events: first.events,
    projects: first.projects,
    headers: first.headers,
    rateLimitPerSecond: target.explicitRate ? target.rate : first.rateLimitPerSecond,
    // A new URL always comes with its own token: LISTENER_TOKEN, or the sample listener's own one.
    token: urlChanged || staleSample || target.explicitToken ? target.token : undefined,
  };
  const saved = await call<ConnectionView>('connections/save', update);
  return saved.ok ? { action: 'updated', connection: saved.data } : { action: 'failed', message: `connections/save (${saved.error.field ?? 'input'}): ${saved.error.message}` };
}

function safePath(url: string): string | undefined {
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}
