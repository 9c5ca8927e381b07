/** KVS keys of the naive baseline; the bench seeds the first three before firing events. */
export const NAIVE_KEYS = {
  config: 'naive-config',
  token: 'naive-token',
  project: (projectKey: string): string => `naive-project:${projectKey}`,
  log: (id: string): string => `naive-log:${id}`,
} as const;
