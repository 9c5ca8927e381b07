/**
 * The resolver contract: function names, payloads and results, imported by the
 * backend resolvers and by the UI's API layer so both type-check against one definition.
 */
import type { RequiredPermission } from './access';
import type { EventKind } from './events';

export type ErrorCode = 'FORBIDDEN' | 'INVALID_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL';

export interface ResolverError {
  code: ErrorCode;
  message: string;
  /** The payload field the error is about, dot-separated (e.g. `url`, `headers.0.name`). */
  field?: string;
}

export type ResolverResult<T> = { ok: true; data: T } | { ok: false; error: ResolverError };

export type ProjectScope =
  | { mode: 'all' }
  | { mode: 'selected'; projectKeys: string[] }
  | { mode: 'optIn' };

/**
 * What a connection sends: Jira's own webhook format (optionally only some issue fields, and a summary of
 * what changed), or a custom JSON template with smart values (sent as JSON or encoded as a form).
 */
export type PayloadFormat =
  | { format: 'jira'; fields?: string[]; includeChanges?: boolean }
  | { format: 'custom'; template: string; encoding: 'json' | 'form' };

/** Conditions an event must meet to be sent; every one that is set must hold. */
export interface DeliveryConditions {
  /** Checked with POST /rest/api/3/jql/match, once per event for all connections. */
  jql?: string;
  /** Issue type names, e.g. ["Bug", "Incident"]. */
  issueTypes?: string[];
  /** For updates: only when one of these fields changed (field ids such as status, assignee, customfield_10010). */
  changedFields?: string[];
  /** Events caused by these accounts are not sent (e.g. Agent Studio's own service account: no loops). */
  ignoreAccountIds?: string[];
}

/** An extra request header sent to the listener. Not secret: put credentials in the API key. */
export interface ExtraHeader {
  name: string;
  value: string;
}

export interface ConnectionHealth {
  /** The most recent delivery to this connection, if any. */
  lastDelivery?: { at: string; state: DeliveryState; status?: number; issueKey?: string };
  /** Deliveries that ended `failed` in the last 24 hours (capped at 100). */
  failures24h: number;
  /** Deliveries whose last attempt failed and that wait for their next one now (capped at 100). */
  retrying: number;
}

/** What the UI sees of a connection. Never the token: only whether one is set, when and by whom. */
export interface ConnectionView {
  id: string;
  name: string;
  url: string;
  /** The listener URL's host, for lists. */
  host: string;
  enabled: boolean;
  events: EventKind[];
  projects: ProjectScope;
  /** For `optIn` connections: the projects whose admins opted in (empty otherwise). */
  optedInProjects: string[];
  headers: ExtraHeader[];
  payload: PayloadFormat;
  conditions: DeliveryConditions;
  /** The accounts of `conditions.ignoreAccountIds` with their names, when Jira could tell them. */
  ignoredAccounts: UserSummary[];
  rateLimitPerSecond: number;
  token: { set: boolean; setAt?: string; setBy?: string; setByName?: string };
  /** Standard Webhooks signing: on when a secret exists; replaced secrets sign until `retiresAt`. */
  signing: { enabled: boolean; secrets: { id: string; createdAt: string; retiresAt?: string }[] };
  health: ConnectionHealth;
  /** Present while the circuit breaker holds deliveries back after sustained failures. */
  breaker?: { since: string; reason: string; nextProbeAt: string; backlog: number };
  createdAt: string;
  updatedAt: string;
}

/** A connection as the admin page submits it. `token` is write-only: omit it to keep the stored one. */
export interface ConnectionInput {
  id?: string;
  name: string;
  url: string;
  enabled: boolean;
  events: EventKind[];
  projects: ProjectScope;
  headers?: ExtraHeader[];
  /** Default: Jira's webhook format with every field. */
  payload?: PayloadFormat;
  conditions?: DeliveryConditions;
  rateLimitPerSecond: number;
  token?: string;
  /**
   * The `updatedAt` of the connection as the page showed it, when editing: a save over a change someone
   * else made since is refused (CONFLICT) instead of silently undoing it.
   */
  expectedUpdatedAt?: string;
}

/** A body as a connection would send it, for the admin page's preview. */
export interface PayloadPreview {
  body: string;
  contentType: string;
  /** Template warnings (e.g. `${…}` accepted as `{{…}}`), with their line and column. */
  warnings: string[];
}

export type DeliveryState = 'delivered' | 'retrying' | 'failed';

export interface AttemptView {
  at: string;
  status?: number;
  latencyMs: number;
  error?: string;
  responseExcerpt?: string;
  /** `true` for an attempt an admin started with Redeliver. */
  manual?: boolean;
}

/** One event sent to one connection: a row of the delivery log. */
export interface DeliveryView {
  eventId: string;
  connectionId: string;
  connectionName: string;
  webhookEvent: string;
  /** The event kind it was sent as, when known: the log's label ("Issue assigned" rather than "Issue updated"). */
  eventKind?: EventKind;
  issueKey?: string;
  projectKey?: string;
  state: DeliveryState;
  status?: number;
  latencyMs?: number;
  attempts: number;
  /** When the relay first handled the event. */
  createdAt: string;
  lastAttemptAt: string;
  responseExcerpt?: string;
  error?: string;
  /** While `retrying`: when the next attempt is due. */
  nextAttemptAt?: string;
  /** A plain-language note: waiting for the rate limit, paused by the circuit breaker, or a configuration hint. */
  note?: string;
}

/** The detail panel: the exact request (token masked) and every attempt. */
export interface DeliveryDetail extends DeliveryView {
  request: { method: 'POST'; url: string; headers: Record<string, string>; body: string; bodyTruncated?: boolean };
  attemptLog: AttemptView[];
}

export interface DeliveryFilter {
  connectionId?: string;
  state?: DeliveryState;
  issueKey?: string;
  /** ISO date-times bounding `createdAt`. */
  from?: string;
  to?: string;
  limit?: number;
  /** From the previous page's `nextCursor`. */
  cursor?: string;
}

export interface DeliveryPage {
  deliveries: DeliveryView[];
  nextCursor?: string;
}

export interface DeliveryRef {
  eventId: string;
  connectionId: string;
}

export type Verdict = 'connected' | 'unauthorized' | 'not_found' | 'host_not_allowed' | 'timeout' | 'dns' | 'tls' | 'network' | 'rate_limited' | 'server_error' | 'unexpected';

export interface TestConnectionResult {
  verdict: Verdict;
  ok: boolean;
  /** One plain-language sentence or two: what happened and what to do. */
  message: string;
  status?: number;
  latencyMs: number;
  responseExcerpt?: string;
}

export interface SendIssueResult {
  /** Exactly what was sent, with the token masked. */
  request: { method: 'POST'; url: string; headers: Record<string, string>; body: string };
  result: TestConnectionResult;
}

export interface AdminOverview {
  connections: ConnectionView[];
  /** Hosts the app may call, from the manifest's egress list, for the URL hint. */
  allowedHosts: string[];
}

export interface ProjectSummary {
  id: string;
  key: string;
  name: string;
}

export interface ProjectConnectionView {
  id: string;
  name: string;
  enabled: boolean;
  /** How this connection covers the project. */
  coverage: 'all' | 'selected' | 'optIn';
  /** For `optIn` connections: whether this project has opted in. Others are always covered or not listed. */
  optedIn: boolean;
  events: EventKind[];
  /** The connection's conditions in plain words ("Only issue types: Bug"), so a project admin can tell why an event was not sent. */
  conditions: string[];
  /** Set while the connection is paused because its listener kept failing: since when. */
  pausedSince?: string;
}

export interface ProjectOverview {
  project: { key: string; id?: string };
  connections: ProjectConnectionView[];
}

export interface UserSummary {
  accountId: string;
  displayName: string;
  /** Only when Jira shows it to the app (the user's profile visibility decides). */
  emailAddress?: string;
}

export interface ProjectAccess {
  id: string;
  key: string;
  name: string;
  /** Required permission keys (see src/shared/access.ts) the account lacks in this project. */
  missing: RequiredPermission[];
}

export interface AccessReport {
  account: UserSummary;
  /** Which projects were checked: all of them, or only those a connection covers. */
  scope: 'all' | 'covered';
  projects: ProjectAccess[];
  /** Projects with nothing missing. */
  ready: number;
  checkedAt: string;
}

/** The SLA scan's settings (src/services/scan-slas.ts): one set for the whole site. */
export interface SlaSettings {
  /** Send `sla_warning` this many minutes before a breach; 0 sends no warnings. */
  warnBeforeMinutes: number;
  /** SLA names to watch; empty watches every SLA of the site. */
  slaNames: string[];
}

/** What the last SLA scan did, for the admin page. */
export interface SlaScanStatus {
  at: string;
  /** SLA fields watched. */
  slas: number;
  /** Issues the JQL returned. */
  issues: number;
  /** New breaches and warnings sent (or queued) in this scan. */
  sent: number;
  error?: string;
}

export interface SlaOverview {
  settings: SlaSettings;
  /** The site's SLA fields; empty when Jira Service Management has none (or is not installed). */
  fields: Array<{ id: string; name: string }>;
  /** Names of the enabled connections subscribed to an SLA event: without one, no scan runs. */
  subscribers: string[];
  lastScan?: SlaScanStatus;
}

/** Every resolver function: name → payload and result data. */
export interface AdminResolvers {
  'admin/overview': { payload: Record<string, never>; data: AdminOverview };
  'connections/save': { payload: ConnectionInput; data: ConnectionView };
  'connections/delete': { payload: { id: string }; data: { id: string } };
  'connections/test': { payload: { id: string }; data: TestConnectionResult };
  /** Turns signing on or rotates its secret; `secret` (whsec_…) is shown this once only. */
  'connections/rotateSigningSecret': { payload: { id: string }; data: { secret: string; connection: ConnectionView } };
  'connections/disableSigning': { payload: { id: string }; data: ConnectionView };
  'connections/sendIssue': { payload: { id: string; issueKey: string; event: EventKind }; data: SendIssueResult };
  /** Renders a payload format for a real issue and event, before it is saved. */
  'connections/preview': { payload: { payload: PayloadFormat; issueKey: string; event: EventKind }; data: PayloadPreview };
  'projects/search': { payload: { query?: string }; data: { projects: ProjectSummary[] } };
  'users/search': { payload: { query: string }; data: { users: UserSummary[] } };
  /** What the Agent Studio connector account can do in each project (Jira admins only). */
  'access/check': { payload: { accountId: string; scope?: 'all' | 'covered' }; data: AccessReport };
  'deliveries/list': { payload: DeliveryFilter; data: DeliveryPage };
  'deliveries/get': { payload: DeliveryRef; data: DeliveryDetail };
  'deliveries/redeliver': { payload: DeliveryRef; data: DeliveryDetail };
  /** Queues every `failed` delivery of a connection since a time; `more` when the cap was reached. */
  'deliveries/redeliverFailed': { payload: { connectionId: string; since: string }; data: { queued: number; more: boolean } };
  'sla/overview': { payload: Record<string, never>; data: SlaOverview };
  'sla/save': { payload: SlaSettings; data: SlaOverview };
}

export interface ProjectResolvers {
  'project/overview': { payload: Record<string, never>; data: ProjectOverview };
  'project/setOptIn': { payload: { connectionId: string; optedIn: boolean }; data: ProjectOverview };
  'project/deliveries': { payload: Omit<DeliveryFilter, 'connectionId'>; data: DeliveryPage };
  'project/delivery': { payload: DeliveryRef; data: DeliveryDetail };
  'project/redeliver': { payload: DeliveryRef; data: DeliveryDetail };
}

export type AdminFunction = keyof AdminResolvers;
export type ProjectFunction = keyof ProjectResolvers;

export const ADMIN_FUNCTIONS: readonly AdminFunction[] = [
  'admin/overview',
  'connections/save',
  'connections/delete',
  'connections/test',
  'connections/rotateSigningSecret',
  'connections/disableSigning',
  'connections/sendIssue',
  'connections/preview',
  'projects/search',
  'users/search',
  'access/check',
  'deliveries/list',
  'deliveries/get',
  'deliveries/redeliver',
  'deliveries/redeliverFailed',
  'sla/overview',
  'sla/save',
];
export const PROJECT_FUNCTIONS: readonly ProjectFunction[] = [
  'project/overview',
  'project/setOptIn',
  'project/deliveries',
  'project/delivery',
  'project/redeliver',
];

/** Module keys of the two pages in manifest.yml. */
export const ADMIN_MODULE_KEY = 'relay-admin-page';
export const PROJECT_MODULE_KEY = 'relay-project-settings-page';
