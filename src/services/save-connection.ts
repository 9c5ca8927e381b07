import { randomUUID } from 'node:crypto';
import type { ConnectionView } from '../shared/contract';
import type { StoredConnection } from '../core/connection';
import { checkListenerUrl } from '../core/listener-url';
import { hostNotAllowed } from '../core/test-verdict';
import type { ConfigCache } from './config-cache';
import type { ValidConnectionInput } from './connection-input';
import { toConnectionView } from './connection-view';
import { accountNames } from './account-names';
import { connectionHealth } from './connection-health';
import type { Clock, ConfigStore, DeliveryStore, EgressPolicy, JiraClient, SecretStore, UserJira } from './ports';
import { RelayError, invalidInput } from './relay-error';

export interface SaveConnectionDeps {
  configStore: ConfigStore;
  secrets: SecretStore;
  egress: EgressPolicy;
  cache: ConfigCache;
  clock: Clock;
  deliveries: DeliveryStore;
  jira: JiraClient;
}

/**
 * Creates or updates a connection. Every field is checked before anything is written, so a refused
 * save changes nothing. The token goes to secret storage; the config only records when and by whom.
 */
export async function saveConnection(
  deps: SaveConnectionDeps,
  input: ValidConnectionInput,
  actor: { accountId: string; jira: UserJira },
): Promise<ConnectionView> {
  const url = checkListenerUrl(input.url);
  if (!url.ok) throw invalidInput('url', url.message);
  if (!deps.egress.canFetch(url.url.href)) throw invalidInput('url', hostNotAllowed(deps.egress.allowedHosts()));

  if (input.conditions.jql) {
    const problem = await deps.jira.jqlProblem(input.conditions.jql);
    if (problem) throw invalidInput('conditions.jql', problem);
  }
  // Asked before the configuration is locked: a Jira call has no place inside the lock.
  const setByName = input.token ? await actor.jira.myDisplayName() : undefined;
  const outcome = await deps.configStore.update(async (config) => {
    const now = new Date(deps.clock.now()).toISOString();
    const existing = input.id ? config.connections.find((c) => c.id === input.id) : undefined;
    if (input.id && !existing) throw new RelayError('NOT_FOUND', 'This connection no longer exists. Reload the page.', 'id');
    // The page sends the whole connection: saved over someone else's newer change, it would undo theirs.
    if (existing && input.expectedUpdatedAt !== undefined && existing.updatedAt !== input.expectedUpdatedAt) {
      throw new RelayError('CONFLICT', 'Someone changed this connection after you opened it. Reload the page to see their change, then make yours again.');
    }
    if (!existing && !input.token) throw invalidInput('token', 'Enter the listener’s API key');
    // A stored key is never sent to a different listener unless the admin enters it again.
    if (existing && !input.token && existing.url !== url.url.href) {
      throw invalidInput('token', 'The listener URL changed: enter the API key for the new listener');
    }
    if (config.connections.some((c) => c.id !== existing?.id && c.name.toLowerCase() === input.name.toLowerCase())) {
      throw invalidInput('name', 'Another connection already has this name');
    }

    const saved: StoredConnection = {
      id: existing?.id ?? randomUUID(),
      name: input.name,
      url: url.url.href,
      enabled: input.enabled,
      events: input.events,
      projects: input.projects,
      rateLimitPerSecond: input.rateLimitPerSecond,
      headers: input.headers,
      payload: input.payload,
      conditions: input.conditions,
      // Signing is turned on, rotated and off by its own actions (signing.ts), never by the form.
      signing: existing?.signing,
      token: input.token ? { setAt: now, setBy: actor.accountId, setByName } : existing?.token,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    // Written only once every check passed, and before the configuration points the connection at its URL.
    if (input.token) await deps.secrets.setToken(saved.id, input.token);
    const connections = existing
      ? config.connections.map((c) => (c.id === saved.id ? saved : c))
      : [...config.connections, saved];
    return { config: { ...config, connections }, result: { saved, optIns: config.optIns } };
  });
  deps.cache.invalidate();
  return toConnectionView(
    outcome.saved,
    outcome.optIns,
    await connectionHealth(deps.deliveries, outcome.saved.id, deps.clock.now()),
    await accountNames(deps.jira, outcome.saved.conditions.ignoreAccountIds),
  );
}
