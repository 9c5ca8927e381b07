import type { ConnectionInput, ConnectionView, ProjectScope } from '../../../../src/shared/contract';
import { DEFAULT_EVENT_KINDS, type EventKind } from '../../../../src/shared/events';

export type ProjectMode = ProjectScope['mode'];

/** What the connection form holds: text inputs stay strings until submit. */
export interface ConnectionFormValues {
  name: string;
  url: string;
  /** Empty means "keep the stored key". */
  token?: string;
  enabled: boolean;
  events: EventKind[];
  projects: ProjectMode;
  projectKeys: string;
  rateLimitPerSecond: string;
}

export const DEFAULT_RATE_LIMIT_PER_SECOND = 5;

export function toFormValues(connection: ConnectionView | undefined): ConnectionFormValues {
  const projects = connection?.projects ?? { mode: 'all' };
  return {
    name: connection?.name ?? '',
    url: connection?.url ?? '',
    token: '',
    enabled: connection?.enabled ?? true,
    events: connection ? [...connection.events] : [...DEFAULT_EVENT_KINDS],
    projects: projects.mode,
    projectKeys: projects.mode === 'selected' ? projects.projectKeys.join(', ') : '',
    rateLimitPerSecond: String(connection?.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND),
  };
}

/** "abc, DEF ,,ghi" → ["ABC", "DEF", "GHI"]: Jira project keys are upper case. */
export function parseProjectKeys(text: string): string[] {
  const keys = text
    .split(/[\s,]+/)
    .map((key) => key.trim().toUpperCase())
    .filter((key) => key.length > 0);
  return [...new Set(keys)];
}

function toProjectScope(values: ConnectionFormValues): ProjectScope {
  if (values.projects === 'selected') return { mode: 'selected', projectKeys: parseProjectKeys(values.projectKeys) };
  return { mode: values.projects };
}

export function toConnectionInput(values: ConnectionFormValues, id: string | undefined): ConnectionInput {
  const token = values.token?.trim();
  return {
    ...(id ? { id } : {}),
    name: values.name.trim(),
    url: values.url.trim(),
    enabled: values.enabled,
    events: values.events,
    projects: toProjectScope(values),
    rateLimitPerSecond: Number(values.rateLimitPerSecond),
    // Omitted rather than sent empty: the backend keeps the stored key when `token` is absent.
    ...(token ? { token } : {}),
  };
}
