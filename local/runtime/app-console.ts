import { format } from 'node:util';
import { currentInvocation } from './invocation-context';

const PATCHED = Symbol.for('agent-studio-relay.local-forge.console-patched');
type PatchedConsole = Console & { [PATCHED]?: boolean };
const METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/**
 * App `console.*` calls made inside an invocation go to that instance's `options.log`, as Forge collects
 * function logs per invocation. Outside invocations console is untouched.
 */
export function routeAppConsole(): void {
  const c = console as PatchedConsole;
  if (c[PATCHED]) return;
  c[PATCHED] = true;
  for (const method of METHODS) {
    const original = c[method].bind(c);
    c[method] = (...args: unknown[]): void => {
      const store = currentInvocation();
      if (!store) {
        original(...args);
        return;
      }
      store.platform.log(`[app ${store.functionKey}] ${method.toUpperCase()} ${format(...args)}`);
    };
  }
}
