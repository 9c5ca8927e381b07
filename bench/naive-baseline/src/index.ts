import { asApp, fetch, route } from '@forge/api';
import { kvs } from '@forge/kvs';
import { NAIVE_KEYS } from './keys';

interface NaiveConfig {
  url: string;
}

interface NaiveEvent {
  eventType?: string;
  timestamp?: string;
  issue?: { id?: string; key?: string; fields?: { project?: { key?: string } } };
}

/**
 * The baseline the issue compares against: every event reads the configuration, the secret and the
 * project flag from KVS, fetches the issue, POSTs it and writes a log record, one await after another.
 * No cache, no pacing, no retry: only the cost of the success path matters here.
 */
export async function onIssueEvent(event: NaiveEvent): Promise<void> {
  const issueId = event.issue?.id;
  const projectKey = event.issue?.fields?.project?.key;
  if (!issueId || !projectKey) return;
  const config = await kvs.get<NaiveConfig>(NAIVE_KEYS.config);
  const token = await kvs.getSecret<string>(NAIVE_KEYS.token);
  const enabled = await kvs.get<boolean>(NAIVE_KEYS.project(projectKey));
  if (!config || !token || enabled !== true) return;
  const issueResponse = await asApp().requestJira(route`/rest/api/3/issue/${issueId}`, { headers: { Accept: 'application/json' } });
  const issue: unknown = issueResponse.ok ? await issueResponse.json() : undefined;
  const posted = await fetch(config.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ webhookEvent: event.eventType, timestamp: Number(event.timestamp), issue: issue ?? event.issue }),
    signal: AbortSignal.timeout(10_000),
  });
  await posted.text();
  const id = `${issueId}-${event.timestamp ?? Date.now()}`;
  await kvs.set(NAIVE_KEYS.log(id), { eventType: event.eventType, issueKey: event.issue?.key, status: posted.status, at: Date.now() });
}
