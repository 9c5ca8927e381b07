/**
 * Interfaces between the parts of the local Forge platform: the fake Jira site (local/site),
 * the Forge runtime emulation (local/runtime) and the HTTP server (local/server).
 * Nothing in src/ or static/ imports local/.
 */

/** A seeded identity on the fake site. `GET /api/users` returns these. */
export interface SiteUser {
  accountId: string;
  displayName: string;
  emailAddress?: string;
  /** Jira admin: holds the global ADMINISTER permission. */
  siteAdmin: boolean;
  /** Keys of projects where this user holds ADMINISTER_PROJECTS (project admin role). */
  projectAdminOf: string[];
  /** An account used by integrations (Agent Studio's service account). */
  serviceAccount?: boolean;
}

/** A product REST call made by the app through `requestJira` (asApp or asUser). */
export interface JiraRestRequest {
  method: string;
  /** Path with query string, e.g. `/rest/api/3/issue/10001?fields=summary`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Who the call is made as: the app itself, or a user (the invocation's caller for `asUser()`). */
  as: { kind: 'app' } | { kind: 'user'; accountId: string };
}

export interface JiraRestResponse {
  status: number;
  headers?: Record<string, string>;
  /** JSON text (or empty for 204). */
  body?: string;
}

/** A Forge product event, exactly as Forge passes it to a trigger function (eventType, issue, …). */
export type ForgeProductEvent = { eventType: string } & Record<string, unknown>;

export interface FakeJiraSite {
  /** Base URL used in `self` links, e.g. `https://relay-dev.atlassian.net`. */
  readonly baseUrl: string;
  users(): SiteUser[];
  /** Answers Jira Cloud REST v3 the way Jira does for that caller (404/403 for what they cannot see). */
  handleRest(req: JiraRestRequest): Promise<JiraRestResponse>;
}

/** Cost counters, cumulative since the platform started. `GET /api/metrics` returns these. */
export interface PlatformMetrics {
  invocations: number;
  kvsReads: number;
  kvsWrites: number;
  queuePushes: number;
  egressRequests: number;
  jiraRequests: number;
  /** Estimated: sum over invocations of (memoryMB / 1024) × wall seconds. */
  gbSeconds: number;
}

export interface InvokeResolverRequest {
  moduleKey: string;
  functionKey: string;
  payload?: unknown;
  accountId: string;
  /** The page's extension context (e.g. `{ type: 'jira:projectSettingsPage', project: { key, id, type } }`). */
  extension?: Record<string, unknown>;
}

/** What happened when one trigger invocation ran (for logs, tests and the simulator UI). */
export interface TriggerInvocationReport {
  moduleKey: string;
  functionKey: string;
  /** 0 for the first delivery, then 1..4 for platform retries after an InvocationError. */
  retryCount: number;
  outcome: 'success' | 'retry-scheduled' | 'retries-exhausted' | 'error' | 'timeout';
  error?: string;
  durationMs: number;
}

/** What one run of a scheduled trigger did (`runScheduledTrigger`, `POST /api/scheduled/:moduleKey`). */
export interface ScheduledRunReport {
  outcome: 'success' | 'error' | 'timeout';
  error?: string;
  durationMs: number;
}

export interface LocalForge {
  /** Dispatch a product event to every trigger subscribed to its eventType, as Forge would.
   *  Resolves when the first invocation of each trigger has finished (retries run later, on their own). */
  dispatchEvent(event: ForgeProductEvent): Promise<TriggerInvocationReport[]>;
  /** Call a resolver function as that user, exactly as `invoke()` from @forge/bridge would. */
  invokeResolver(req: InvokeResolverRequest): Promise<unknown>;
  /** `{ <moduleKey>: [<resolver function names>] }` for every module with a resolver. */
  resolverFunctions(): Record<string, string[]>;
  /** Run a `scheduledTrigger` module now, as its timer would, without waiting for its interval.
   *  Rejects with UnknownScheduledTriggerError (local/runtime/scheduled-triggers.ts) for an unknown key. */
  runScheduledTrigger(moduleKey: string): Promise<ScheduledRunReport>;
  metrics(): PlatformMetrics;
  /** Resolves when no invocation, scheduled retry or queued event is pending (tests use it). */
  idle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface LocalForgeOptions {
  /** Folder holding manifest.yml and src/ (the app). */
  appRoot: string;
  /** Where KVS (values, secrets, entities) persists as files; survives restarts. */
  dataDir: string;
  site: FakeJiraSite;
  /** Platform delays (trigger retryAfter, queue delayInSeconds) run this many times faster. Default 1. */
  timeScale?: number;
  /** Injected latency per remote call, for benchmarks. Default 0. */
  latencyMs?: { kvs?: number; jira?: number; egress?: number };
  /** Extra egress origins allowed besides the manifest's (loopback listeners), e.g. `http://127.0.0.1`. */
  extraEgress?: string[];
  /** Where platform and app logs go. Default: stdout. */
  log?: (line: string) => void;
}
