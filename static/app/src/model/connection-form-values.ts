import type { ConnectionInput, ConnectionView, ExtraHeader, ProjectScope } from '../../../../src/shared/contract';
import { DEFAULT_EVENT_KINDS, type EventKind } from '../../../../src/shared/events';

export type ProjectMode = ProjectScope['mode'];

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

/** Blank header rows are dropped (an "Add header" click nobody filled in is not an error). */
export function toConnectionInput(values: ConnectionFormValues, id: string | undefined): PreparedInput {
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
      ...(id ? { id } : {}),
      name: values.name.trim(),
      url: values.url.trim(),
      enabled: values.enabled,
      events: values.events,
      projects: toProjectScope(values),
      headers,
      rateLimitPerSecond: Number(values.rateLimitPerSecond),
      // Omitted rather than sent empty: the backend keeps the stored key when `token` is absent.
      ...(token ? { token } : {}),
    },
  };
}

/** What the list's Enabled toggle saves: the connection as stored, with only `enabled` changed. */
export function withEnabled(connection: ConnectionView, enabled: boolean): ConnectionInput {
  return {
    id: connection.id,
    name: connection.name,
    url: connection.url,
    enabled,
    events: connection.events,
    projects: connection.projects,
    headers: connection.headers,
    rateLimitPerSecond: connection.rateLimitPerSecond,
  };
}
