import { probeBreakers } from '../services/breaker';
import { deps } from './app-deps';

/** Scheduled every five minutes (manifest.yml): probes paused connections and releases their backlog. */
export async function onBreakerProbe(): Promise<void> {
  try {
    const { closed, stillOpen } = await probeBreakers(deps);
    if (closed.length > 0 || stillOpen.length > 0) deps.logger.info('Breaker probe', { closed, stillOpen });
  } catch (error) {
    // The next run probes again; nothing waits on this invocation.
    deps.logger.error('Breaker probe failed', { error: error instanceof Error ? error.message : String(error) });
  }
}
