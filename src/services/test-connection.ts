import type { TestConnectionResult } from '../shared/contract';
import { testVerdict } from '../core/test-verdict';
import type { Clock, ConfigStore, EgressPolicy, HttpSender, SecretStore } from './ports';
import { requireConnection } from './require-connection';
import { sendToListener } from './send-to-listener';
import { loadSigningSecrets } from './signing';

export interface TestConnectionDeps {
  configStore: ConfigStore;
  secrets: SecretStore;
  http: HttpSender;
  egress: EgressPolicy;
  clock: Clock;
  userAgent: string;
}

const TEST_TIMEOUT_MS = 10_000;

/** Sends a clearly marked test event to the connection's listener and explains the answer. */
export async function testConnection(deps: TestConnectionDeps, connectionId: string): Promise<TestConnectionResult> {
  const config = await deps.configStore.load();
  const connection = requireConnection(config, connectionId);
  const allowedHosts = deps.egress.allowedHosts();
  if (!deps.egress.canFetch(connection.url)) {
    return testVerdict({ outcome: { failure: { kind: 'egress' } }, latencyMs: 0, allowedHosts, timeoutMs: TEST_TIMEOUT_MS });
  }
  const token = await deps.secrets.getToken(connection.id);
  const now = deps.clock.now();
  const eventId = `msg_test_${now.toString(36)}`;
  const body = JSON.stringify({
    eventId,
    webhookEvent: 'relay:connection_test',
    test: true,
    timestamp: now,
    message: 'Test event from Agent Studio Relay for Jira. It carries no issue and can be ignored.',
    connection: { id: connection.id, name: connection.name },
  });
  const { result, attempt } = await sendToListener(deps.http, deps.clock, {
    url: connection.url,
    token,
    eventId,
    body,
    timeoutMs: TEST_TIMEOUT_MS,
    userAgent: deps.userAgent,
    extraHeaders: connection.headers,
    signingSecrets: await loadSigningSecrets(deps.secrets, connection, now),
    test: true,
  });
  return testVerdict({
    outcome: result.outcome,
    latencyMs: result.latencyMs,
    responseExcerpt: attempt.responseExcerpt,
    allowedHosts,
    timeoutMs: TEST_TIMEOUT_MS,
  });
}
