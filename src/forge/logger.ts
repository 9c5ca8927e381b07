import { redactSecrets } from '../core/redact';
import type { Logger } from '../services/ports';

/**
 * One JSON line per message (Forge's log viewer shows console output). Fields never carry secrets by
 * construction; the redaction pass is a second line of defence for error texts from libraries.
 */
export function createConsoleLogger(): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>): void => {
    const line = JSON.stringify({ level, message, ...fields });
    console.log(redactSecrets(line, []));
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
