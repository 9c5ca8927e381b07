import { EgressFilteringService } from '@forge/egress';
import { asArray, asRecord, isRecord, type JsonRecord } from './narrow';

/** URL strings from manifest entries (`- address: …` objects or deprecated plain strings). */
export function egressAddresses(entries: unknown): string[] {
  return asArray(entries).flatMap((e) => {
    if (typeof e === 'string') return [e];
    const address = isRecord(e) ? e.address : undefined;
    return typeof address === 'string' ? [address] : [];
  });
}

/**
 * Extra origins (loopback listeners) as allow-list entries. @forge/egress compares `host[:port]`, so a
 * port-less origin such as `http://127.0.0.1` also gets a `*127.0.0.1:*` pattern, the only form its
 * matcher accepts for "any port" (it would also match odd hosts ending in that text; loopback-only use).
 */
export function expandExtraEgress(extra: string[]): string[] {
  return extra.flatMap((origin) => {
    const match = /^([a-z]+:\/\/)([^/:]+)(:\d+)?\/?$/i.exec(origin);
    if (!match || match[3]) return [origin];
    return [origin, `${match[1]}*${match[2]}:*`];
  });
}

/** `permissions.external` with extraEgress appended to fetch.backend, as `appContext.permissions` exposes it. */
export function externalWithExtraEgress(external: JsonRecord, extra: string[]): JsonRecord {
  const fetch = asRecord(external.fetch);
  const backend = [...asArray(fetch.backend), ...expandExtraEgress(extra).map((address) => ({ address }))];
  return { ...external, fetch: { ...fetch, backend } };
}

/** The same matcher `permissions.canFetchFrom('backend', url)` uses, so wildcards behave as on Forge. */
export function createEgressMatcher(external: JsonRecord): (url: string) => boolean {
  const filter = new EgressFilteringService(egressAddresses(asRecord(external.fetch).backend));
  return (url) => filter.isValidUrl(url);
}

/** Forge's egress failure: @forge/api's NotAllowedError shape (name, status 403), code in the message. */
export function egressDeniedError(url: string): Error {
  const origin = safeOrigin(url);
  const error = new Error(
    `REQUEST_EGRESS_ALLOWLIST_ERR: URL not included in the external fetch backend permissions: ${origin}. ` +
      'Add it to permissions.external.fetch.backend in manifest.yml.',
  );
  error.name = 'REQUEST_EGRESS_ALLOWLIST_ERR';
  Object.assign(error, { status: 403 });
  return error;
}

/** The URL string a `fetch()` call targets, whatever form its first argument takes. */
export function fetchTargetUrl(input: unknown): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  if (isRecord(input) && typeof input.url === 'string') return input.url;
  return String(input);
}

/** Origin only: paths and query strings may carry tokens and never go to logs or error messages. */
export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unparseable URL)';
  }
}
