import type { ConnectionInput, ConnectionView, DeliveryConditions, ExtraHeader, PayloadFormat, ProjectScope, UserSummary } from '../../../../src/shared/contract';
import { DEFAULT_EVENT_KINDS, type EventKind } from '../../../../src/shared/events';

export type ProjectMode = ProjectScope['mode'];
/** The payload radio: Jira's webhook format, a custom JSON template, or the template encoded as a form. */
export type PayloadMode = 'jira' | 'json' | 'form';

/** A useful first template: the fields Agent Studio listeners usually route on. */
export const EXAMPLE_TEMPLATE = `{
  "key": "{{issue.key}}",
  "summary": "{{issue.summary}}",
  "status": "{{issue.status.name}}",
  "event": "{{webhookEvent}}",
  "eventId": "{{eventId}}"
}`;

/** One editable header row; `rowId` keeps React keys stable while rows are added and removed. */
export interface HeaderRow extends ExtraHeader {
  rowId: number;
}

/** What the connection form holds: text inputs stay strings until submit. */
export interface ConnectionFormValues {
  name: string;
  url: string;
  /** Empty means "keep the stored key". */
  token: string;
  enabled: boolean;
  events: EventKind[];
  projectMode: ProjectMode;
  projectKeys: string[];
  headers: HeaderRow[];
  rateLimitPerSecond: string;
  payloadMode: PayloadMode;
  /** Jira format: send only these issue fields (empty: every field). */
  payloadFields: string[];
  includeChanges: boolean;
  /** Custom JSON and form: kept while switching between the two (and back from the Jira format). */
  template: string;
  jql: string;
  issueTypes: string[];
  changedFields: string[];
  /** Accounts whose changes are not sent; names only when known (picked here, or remembered). */
  ignoreAccounts: UserSummary[];
}

export const DEFAULT_RATE_LIMIT_PER_SECOND = 5;

let nextRowId = 1;
export function newHeaderRow(header: ExtraHeader = { name: '', value: '' }): HeaderRow {
  nextRowId += 1;
  return { ...header, rowId: nextRowId };
}

export function toFormValues(connection: ConnectionView | undefined): ConnectionFormValues {
  const projects = connection?.projects ?? { mode: 'all' };
  return {
    name: connection?.name ?? '',
    url: connection?.url ?? '',
    token: '',
    enabled: connection?.enabled ?? true,
    events: connection ? [...connection.events] : [...DEFAULT_EVENT_KINDS],
    projectMode: projects.mode,
    projectKeys: projects.mode === 'selected' ? [...projects.projectKeys] : [],
    headers: (connection?.headers ?? []).map((header) => newHeaderRow(header)),
    rateLimitPerSecond: String(connection?.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND),
    ...payloadValues(connection?.payload),
    jql: connection?.conditions.jql ?? '',
    issueTypes: [...(connection?.conditions.issueTypes ?? [])],
    changedFields: [...(connection?.conditions.changedFields ?? [])],
    // Names come from the server (Jira's user lookup); an account it cannot name shows its id.
    ignoreAccounts: (connection?.conditions.ignoreAccountIds ?? []).map(
      (accountId) => connection?.ignoredAccounts.find((a) => a.accountId === accountId && a.displayName) ?? knownAccount(accountId),
    ),
  };
}

function payloadValues(payload: PayloadFormat | undefined): Pick<ConnectionFormValues, 'payloadMode' | 'payloadFields' | 'includeChanges' | 'template'> {
  if (payload?.format === 'custom') {
    return { payloadMode: payload.encoding === 'form' ? 'form' : 'json', payloadFields: [], includeChanges: false, template: payload.template };
  }
  return { payloadMode: 'jira', payloadFields: [...(payload?.fields ?? [])], includeChanges: payload?.includeChanges ?? false, template: EXAMPLE_TEMPLATE };
}

const UNNAMED_PREFIX = 'Account ';
export function isUnnamed(user: UserSummary): boolean {
  return user.displayName === `${UNNAMED_PREFIX}${user.accountId}`;
}

/** An account Jira could not name (the server resolves names; this is what is left when it cannot). */
export function knownAccount(accountId: string): UserSummary {
  return { accountId, displayName: `${UNNAMED_PREFIX}${accountId}` };
}

export function toPayloadFormat(values: Pick<ConnectionFormValues, 'payloadMode' | 'payloadFields' | 'includeChanges' | 'template'>): PayloadFormat {
  if (values.payloadMode === 'jira') {
    return {
      format: 'jira',
      ...(values.payloadFields.length > 0 ? { fields: values.payloadFields } : {}),
      ...(values.includeChanges ? { includeChanges: true } : {}),
    };
  }
  return { format: 'custom', template: values.template, encoding: values.payloadMode };
}

export function toConditions(values: ConnectionFormValues): DeliveryConditions {
  const jql = values.jql.trim();
  return {
    ...(jql ? { jql } : {}),
    ...(values.issueTypes.length > 0 ? { issueTypes: values.issueTypes } : {}),
    ...(values.changedFields.length > 0 ? { changedFields: values.changedFields } : {}),
    ...(values.ignoreAccounts.length > 0 ? { ignoreAccountIds: values.ignoreAccounts.map((user) => user.accountId) } : {}),
  };
}

function toProjectScope(values: ConnectionFormValues): ProjectScope {
  if (values.projectMode === 'selected') return { mode: 'selected', projectKeys: values.projectKeys };
  return { mode: values.projectMode };
}

export interface PreparedInput {
  input: ConnectionInput;
  /** `headerRows[i]` is the form row of `input.headers[i]`, so a server error on `headers.i` finds its row. */
  headerRows: number[];
}

/**
 * Blank header rows are dropped (an "Add header" click nobody filled in is not an error). `editing` is the
 * connection as the page showed it: its `updatedAt` lets the server refuse a save over someone else's change.
 */
export function toConnectionInput(values: ConnectionFormValues, editing: Pick<ConnectionView, 'id' | 'updatedAt'> | undefined): PreparedInput {
  const token = values.token.trim();
  const headerRows: number[] = [];
  const headers: ExtraHeader[] = [];
  values.headers.forEach((row, index) => {
    if (!row.name.trim() && !row.value.trim()) return;
    headerRows.push(index);
    headers.push({ name: row.name.trim(), value: row.value });
  });
  return {
    headerRows,
    input: {
      ...(editing ? { id: editing.id, expectedUpdatedAt: editing.updatedAt } : {}),
      name: values.name.trim(),
      url: values.url.trim(),
      enabled: values.enabled,
      events: values.events,
      projects: toProjectScope(values),
      headers,
      rateLimitPerSecond: Number(values.rateLimitPerSecond),
      payload: toPayloadFormat(values),
      conditions: toConditions(values),
      // Omitted rather than sent empty: the backend keeps the stored key when `token` is absent.
      ...(token ? { token } : {}),
    },
  };
}

/**
 * What the list's Enabled toggle saves: the connection as stored, with only `enabled` changed. The payload
 * and conditions go too: the backend resets an omitted payload to the Jira format and drops omitted conditions.
 */
export function withEnabled(connection: ConnectionView, enabled: boolean): ConnectionInput {
  return {
    id: connection.id,
    name: connection.name,
    url: connection.url,
    enabled,
    events: connection.events,
    projects: connection.projects,
    headers: connection.headers,
    payload: connection.payload,
    conditions: connection.conditions,
    rateLimitPerSecond: connection.rateLimitPerSecond,
    expectedUpdatedAt: connection.updatedAt,
  };
}
