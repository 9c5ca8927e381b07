import type { RelayConfig } from '../core/connection';
import type { EventDeliveryRecord } from '../core/delivery-record';
import type { AttemptOutcome } from '../core/classify-attempt';
import type { FetchedIssue } from '../core/webhook-body';

/** The collaborators services use. One implementation each in src/forge, run for real on the local platform. */
export interface ConfigStore {
  load(): Promise<RelayConfig>;
  save(config: RelayConfig): Promise<void>;
}

export interface SecretStore {
  getToken(connectionId: string): Promise<string | undefined>;
  setToken(connectionId: string, token: string): Promise<void>;
  deleteToken(connectionId: string): Promise<void>;
}

export interface DeliveryStore {
  get(eventTimestampMs: number, eventId: string): Promise<EventDeliveryRecord | undefined>;
  put(record: EventDeliveryRecord): Promise<void>;
  /** Newest first. */
  listRecent(limit: number): Promise<EventDeliveryRecord[]>;
}

export type IssueLookup = { found: true; issue: FetchedIssue } | { found: false; status: number };

export interface JiraClient {
  getIssue(issueId: string): Promise<IssueLookup>;
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

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
