import type { FakeJiraSite, JiraRestRequest } from '../contracts';
import type { InvocationStore } from './invocation-context';
import { bodyText, headersRecord, metaString } from './forge-globals';
import type { ForgeFetchMeta } from './platform-instance';

function unauthorized(message: string): Response {
  return new Response(JSON.stringify({ errorMessages: [message] }), {
    status: 401,
    headers: { 'content-type': 'application/json' },
  });
}

/**
 * `requestJira` for asApp()/asUser(): who the call runs as comes from the SDK's `meta.provider`,
 * and for asUser() from `meta.accountId` or the invocation's own caller (never another invocation's).
 */
export async function handleProductRest(
  site: FakeJiraSite,
  meta: ForgeFetchMeta,
  path: string,
  init: RequestInit | undefined,
  store: InvocationStore | undefined,
): Promise<Response> {
  const provider = metaString(meta, 'provider') ?? 'none';
  let as: JiraRestRequest['as'] = { kind: 'app' };
  if (provider === 'user') {
    const accountId = metaString(meta, 'accountId') ?? store?.accountId;
    if (!accountId) return unauthorized('asUser() needs a calling user; this invocation has none (use asApp()).');
    as = { kind: 'user', accountId };
  }
  const res = await site.handleRest({
    method: (init?.method ?? 'GET').toUpperCase(),
    path,
    headers: headersRecord(init),
    body: bodyText(init),
    as,
  });
  // A Response cannot carry a body on null-body statuses (204, 304).
  const body = res.status === 204 || res.status === 304 || !res.body ? null : res.body;
  return new Response(body, { status: res.status, headers: { 'content-type': 'application/json', ...res.headers } });
}
