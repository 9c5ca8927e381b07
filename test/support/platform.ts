import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalPlatform } from '../../local/server/start-local-platform';
import { ADMIN_MODULE_KEY, PROJECT_MODULE_KEY, type AdminOverview, type ConnectionView, type ResolverResult } from '../../src/shared/contract';

export interface SeededUser {
  accountId: string;
  displayName: string;
  siteAdmin: boolean;
  projectAdminOf: string[];
  serviceAccount?: boolean;
}

export interface TestPlatform {
  url: string;
  logs: string[];
  users: { admin: SeededUser; projectAdmin: SeededUser; plain: SeededUser };
  api<T = unknown>(path: string, init?: { method?: string; body?: unknown }): Promise<{ status: number; json: T }>;
  invokeAdmin<T>(functionKey: string, payload: unknown, accountId: string): Promise<ResolverResult<T>>;
  invokeProject<T>(functionKey: string, payload: unknown, accountId: string, projectKey: string): Promise<ResolverResult<T>>;
  fireEvent(event: unknown): Promise<void>;
  /** The first connection as the Jira admin sees it on the admin page (the seeded one). */
  firstConnection(): Promise<ConnectionView>;
  /** Fires an event and returns the platform's report of each trigger invocation. */
  fireEventWithReports(event: unknown): Promise<{ outcome: string; retryCount: number }[]>;
  close(): Promise<void>;
}

export function fixtureEvent(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(__dirname, '../fixtures/forge-events', `${name}.json`), 'utf8')) as Record<string, unknown>;
}

/** Boots the whole local platform (real SDKs, fake site, HTTP API) on a random port with its own data dir. */
export async function startTestPlatform(
  options: {
    listener?: { url: string; token: string; rate?: number };
    timeScale?: number;
    dataDir?: string;
    /** Per remote call (KVS, Jira REST, egress): without it the platform answers at once, so invocations never interleave. */
    latencyMs?: { kvs?: number; jira?: number; egress?: number };
  } = {},
): Promise<TestPlatform> {
  const logs: string[] = [];
  const platform = await startLocalPlatform({
    port: 0,
    dataDir: options.dataDir ?? mkdtempSync(join(tmpdir(), 'relay-test-')),
    timeScale: options.timeScale ?? 1,
    listener: options.listener,
    latencyMs: options.latencyMs,
    log: (line) => logs.push(line),
    quiet: true,
  });
  const api = async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; json: T }> => {
    const response = await fetch(`${platform.url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers: init.body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : undefined) as T };
  };
  const users = (await api<SeededUser[]>('/api/users')).json;
  const find = (predicate: (u: SeededUser) => boolean, what: string): SeededUser => {
    const user = users.find(predicate);
    if (!user) throw new Error(`No seeded ${what}`);
    return user;
  };
  const admin = find((u) => u.siteAdmin, 'Jira admin');
  return {
    url: platform.url,
    logs,
    users: {
      admin,
      projectAdmin: find((u) => !u.siteAdmin && u.projectAdminOf.length > 0, 'project admin'),
      plain: find((u) => !u.siteAdmin && u.projectAdminOf.length === 0 && !u.serviceAccount, 'plain user'),
    },
    api,
    invokeAdmin: async <T>(functionKey: string, payload: unknown, accountId: string) =>
      (await api<ResolverResult<T>>('/api/invoke', {
        body: { moduleKey: ADMIN_MODULE_KEY, functionKey, payload, accountId, extension: { type: 'jira:adminPage' } },
      })).json,
    invokeProject: async <T>(functionKey: string, payload: unknown, accountId: string, projectKey: string) =>
      (await api<ResolverResult<T>>('/api/invoke', {
        body: {
          moduleKey: PROJECT_MODULE_KEY,
          functionKey,
          payload,
          accountId,
          extension: { type: 'jira:projectSettingsPage', project: { key: projectKey, id: '0', type: 'software' } },
        },
      })).json,
    async fireEvent(event) {
      const response = await api('/api/events', { body: event });
      if (response.status >= 300) throw new Error(`POST /api/events answered ${response.status}`);
    },
    async firstConnection() {
      const overview = (await api<ResolverResult<AdminOverview>>('/api/invoke', {
        body: { moduleKey: ADMIN_MODULE_KEY, functionKey: 'admin/overview', payload: {}, accountId: admin.accountId, extension: { type: 'jira:adminPage' } },
      })).json;
      if (!overview.ok) throw new Error(overview.error.message);
      const [first] = overview.data.connections;
      if (!first) throw new Error('No connection is configured');
      return first;
    },
    async fireEventWithReports(event) {
      const response = await api<{ reports: { outcome: string; retryCount: number }[] }>('/api/events', { body: event });
      return response.json.reports;
    },
    close: () => platform.close(),
  };
}
