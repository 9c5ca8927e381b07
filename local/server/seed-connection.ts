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
  /** Path of the built-in sample listener: a stored URL with this path but another origin is stale (port change). */
  samplePath: string;
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
  if (!(target.explicitUrl && first.url !== target.url) && !staleSample) return { action: 'kept', connection: first };

  const update: ConnectionInput = {
    id: first.id,
    name: first.name,
    url: target.url,
    enabled: first.enabled,
    events: first.events,
    projects: first.projects,
    rateLimitPerSecond: first.rateLimitPerSecond,
    // Omitting the token keeps the stored one; replace it only when one was given explicitly.
    ...(target.explicitToken ? { token: target.token } : {}),
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
