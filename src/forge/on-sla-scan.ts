import { getAppContext } from '@forge/api';
import { scanSlas } from '../services/scan-slas';
import { deps } from './app-deps';

/** manifest.yml gives the scan 120 s; when the runtime cannot say how much is left, assume that. */
function remainingMs(): number {
  try {
    return getAppContext().invocationRemainingTimeInMillis();
  } catch {
    return 120_000;
  }
}

/** Scheduled every five minutes (manifest.yml): finds SLAs that breached or are about to and sends them. */
export async function onSlaScan(): Promise<void> {
  try {
    const result = await scanSlas(deps, { remainingMs });
    if (result.kind === 'scanned' && (result.status.sent > 0 || result.status.error)) deps.logger.info('SLA scan', { ...result.status });
  } catch (error) {
    // A scheduled function is not retried (Forge "Scheduled trigger" module docs); the next scan runs in five minutes.
    deps.logger.error('SLA scan failed', { error: error instanceof Error ? error.message : String(error) });
  }
}
