import type { RelayConfig } from '../core/connection';
import type { DeliveryRecord } from '../core/delivery-record';
import type { RequiredPermission } from '../shared/access';
import type { DeliveryState, ProjectSummary, SlaScanStatus, UserSummary } from '../shared/contract';
import type { AttemptOutcome } from '../core/classify-attempt';
import type { FetchedIssue } from '../core/webhook-body';

/** The collaborators services use. One implementation each in src/forge, run for real on the local platform. */
/** Reads the configuration: all the trigger needs of it. */
export interface ConfigSource {
  load(): Promise<RelayConfig>;
}

/** What a change decided: the configuration to store (none: nothing to write) and what to answer. */
export interface ConfigChange<T> {
  config?: RelayConfig;
  result: T;
}

export interface ConfigStore extends ConfigSource {
  /**
   * The only way to write the configuration. Every setting shares one key, so `change` runs under an
   * exclusive lock on the configuration as stored now (never a cached copy): two writers at once each see
   * the other's change instead of one silently undoing it. The config it returns is checked against the
   * admin-input rules and saved; whatever `change` throws comes out unchanged and the configuration is not saved. Throws
   * ConfigBusyError when another writer holds the lock for longer than a save waits (`waitMs`: a
   * background writer that tolerates "busy" waits less than a resolver's default of a few seconds).
   */
  update<T>(change: (current: RelayConfig) => ConfigChange<T> | Promise<ConfigChange<T>>, options?: { waitMs?: number }): Promise<T>;
}

export interface SecretStore {
  getToken(connectionId: string): Promise<string | undefined>;
  setToken(connectionId: string, token: string): Promise<void>;
  deleteToken(connectionId: string): Promise<void>;
  getSigningSecret(connectionId: string, secretId: string): Promise<string | undefined>;
  setSigningSecret(connectionId: string, secretId: string, secret: string): Promise<void>;
  deleteSigningSecret(connectionId: string, secretId: string): Promise<void>;
}

/** Which deliveries to list; every field narrows the result. Times are epoch ms bounding `createdAt`. */
export interface DeliveryQuery {
  connectionId?: string;
  state?: DeliveryState;
  issueKey?: string;
  projectKey?: string;
  fromMs?: number;
  toMs?: number;
  limit: number;
  cursor?: string;
}

/** Delivery records by key: all forwarding an event needs. */
export interface DeliveryRecords {
  get(eventId: string, connectionId: string): Promise<DeliveryRecord | undefined>;
  getMany(eventId: string, connectionIds: readonly string[]): Promise<DeliveryRecord[]>;
  /** One KVS write per record. */
  putMany(records: readonly DeliveryRecord[]): Promise<void>;
  /** Writes a first record unless one exists already (then answers false and writes nothing). */
  putNew(record: DeliveryRecord): Promise<boolean>;
}

export interface DeliveryStore extends DeliveryRecords {
  /** Newest first. */
  query(query: DeliveryQuery): Promise<{ records: DeliveryRecord[]; nextCursor?: string }>;
}

export type IssueLookup = { found: true; issue: FetchedIssue } | { found: false; status: number };

/** What forwarding an event reads from Jira: all the trigger needs of it. */
export interface EventJira {
  /** As the app: the event's issue, whoever caused the event. */
  getIssue(issueIdOrKey: string): Promise<IssueLookup>;
  /**
   * As the app: which of these JQL queries the issue matches (POST /rest/api/3/jql/match, one call).
   * A query Jira refuses counts as not matching; a Jira failure throws.
   */
  matchJql(jqls: readonly string[], issueId: string): Promise<boolean[]>;
}

export interface JiraClient extends EventJira {
  /** As the app: every project of the site. */
  listProjects(): Promise<ProjectSummary[]>;
  /** As the app: which of `permissions` the account holds, per project id. */
  projectPermissionsOf(accountId: string, projectIds: readonly string[], permissions: readonly RequiredPermission[]): Promise<Map<string, Set<RequiredPermission>>>;
  getUser(accountId: string): Promise<UserSummary | undefined>;
  /** Why Jira refuses this JQL, or undefined when it is valid. */
  jqlProblem(jql: string): Promise<string | undefined>;
  /** As the app: the site's Service Management SLA fields (none without JSM). */
  slaFields(): Promise<SlaField[]>;
  /** As the app: one page of POST /rest/api/3/search/jql. Throws with Jira's message when it refuses. */
  searchIssues(query: { jql: string; fields: readonly string[]; maxResults: number; nextPageToken?: string }): Promise<{ issues: FetchedIssue[]; nextPageToken?: string }>;
}

export interface SlaField {
  id: string;
  name: string;
}

/** Calls made as the user of a resolver invocation: they see what that user may see. */
export interface UserJira {
  searchProjects(query: string): Promise<ProjectSummary[]>;
  searchUsers(query: string): Promise<UserSummary[]>;
  myDisplayName(): Promise<string | undefined>;
  /** Whether the caller may see the issue in Jira (browse permission, issue security). */
  canSeeIssue(issueKey: string): Promise<boolean>;
}

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}

export interface HttpResult {
  outcome: AttemptOutcome;
  latencyMs: number;
  /** The first few KB of the response body, as text. */
  bodyText?: string;
}

export interface HttpSender {
  post(request: HttpRequest): Promise<HttpResult>;
}

export interface EgressPolicy {
  canFetch(url: string): boolean;
  allowedHosts(): string[];
}

export interface Clock {
  now(): number;
}

/** A delivery waiting for its next attempt, carried by the Forge queue (ids only: the body is in the record). */
export interface RetryJob {
  eventId: string;
  connectionId: string;
  /** The listener host: retries to one host are limited to `hostParallel` at a time. */
  host: string;
  hostParallel: number;
  /**
   * Seconds still to wait, in the queue's own time (the local platform's TIME_SCALE shortens them):
   * the queue delays at most 900 s, so longer waits hop.
   */
  waitSeconds: number;
  /** A wall-clock floor (epoch ms): a listener's Retry-After, or a reserved rate-limit slot. */
  notBefore?: number;
  /**
   * Queue time (seconds) this delivery has spent waiting since its first attempt, summed over hops: it
   * ends waits behind an open breaker once the retry schedule's whole span has passed.
   */
  ageSeconds: number;
  /** Started by an admin: sent even if the record says delivered, and even while the breaker is open. */
  manual?: boolean;
  /**
   * The attempt number this job is for: a job whose attempt was already made (by a racing job, or before
   * a platform retry of this one) does not send again.
   */
  forAttempt: number;
  /** Its `notBefore` is a rate-limit slot already reserved for it: the consumer must not reserve another. */
  paced?: boolean;
  /** When the `paced` slot was booked: pauses of the host since then move the slot on (src/core/pacer.ts). */
  bookedAt?: number;
}

export interface RetryQueue {
  /** Throws when the queue refuses (rate limit, size): the caller falls back to a platform retry. */
  push(jobs: readonly RetryJob[]): Promise<void>;
}

/** What the SLA scan remembers between runs: the events it sent (id → forget after, epoch ms) and its last run. */
export interface SlaScanState {
  sent: Record<string, number>;
  lastScan?: SlaScanStatus;
}

export interface SlaScanStore {
  load(): Promise<SlaScanState>;
  save(state: SlaScanState): Promise<void>;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Makes sure one attempt of a delivery is sent by one worker only. */
export interface AttemptClaims {
  /** True for the first caller for this attempt number; false for every later one. */
  claim(eventId: string, connectionId: string, attempt: number): Promise<boolean>;
  /** Gives a claim back, unsent: only its holder calls this, when it must leave the attempt to a later job. */
  release(eventId: string, connectionId: string, attempt: number): Promise<void>;
}
