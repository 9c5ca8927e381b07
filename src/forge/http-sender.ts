import { fetch } from '@forge/api';
import { failureFromError } from '../core/classify-attempt';
import type { HttpRequest, HttpResult, HttpSender } from '../services/ports';

const MAX_BODY_CHARS = 4096;

/**
 * POSTs with Forge's fetch (the global undici fetch, which has no default timeout: platform.md
 * "Outbound HTTP"), so every request carries its own AbortSignal.timeout.
 */
export class ForgeHttpSender implements HttpSender {
  async post(request: HttpRequest): Promise<HttpResult> {
    const started = performance.now();
    try {
      const response = await fetch(request.url, {
        method: 'POST',
        headers: request.headers,
        body: request.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(request.timeoutMs),
      });
      const bodyText = (await readText(response)).slice(0, MAX_BODY_CHARS);
      const latencyMs = Math.round(performance.now() - started);
      // Forge may answer an undeclared host with a 403 marked by its proxy instead of throwing.
      if ((response.headers.get('forge-proxy-error') ?? '').includes('EGRESS')) {
        return { outcome: { failure: { kind: 'egress' } }, latencyMs };
      }
      return { outcome: { status: response.status, retryAfterHeader: response.headers.get('retry-after') }, latencyMs, bodyText };
    } catch (error) {
      return { outcome: { failure: failureFromError(error) }, latencyMs: Math.round(performance.now() - started) };
    }
  }
}

async function readText(response: { text(): Promise<string> }): Promise<string> {
  try {
    return await response.text();
  } catch {
    return '';
  }
}
