import { join } from 'node:path';
import { type AppManifest, referencedFunctionKeys } from './manifest';
import { isRecord } from './narrow';
import { observeResolvers } from './resolver-observer';

export type AppHandler = (...args: unknown[]) => unknown;

/**
 * Load the app's handler modules once (a warm container: module scope survives between invocations)
 * and resolve every function the manifest wires; a missing export fails startup with a clear message.
 */
export function loadAppHandlers(appRoot: string, manifest: AppManifest): Map<string, AppHandler> {
  observeResolvers(appRoot);
  const handlers = new Map<string, AppHandler>();
  const problems: string[] = [];
  for (const functionKey of new Set(referencedFunctionKeys(manifest))) {
    const def = manifest.functions.get(functionKey);
    if (!def) {
      problems.push(`function "${functionKey}" is used by a module but not declared under modules.function`);
      continue;
    }
    const file = join(appRoot, 'src', def.modulePath);
    let mod: unknown;
    try {
      // Plain require on purpose: tsx (npm start) and ts-jest both hook it to load the app's .ts sources.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      mod = require(file);
    } catch (error) {
      throw new Error(`manifest.yml: cannot load ${file} for function "${functionKey}": ${String(error)}`);
    }
    const handler = isRecord(mod) ? mod[def.exportName] : undefined;
    if (typeof handler !== 'function') {
      problems.push(`function "${functionKey}" names handler "${def.handler}" but ${file} has no exported function "${def.exportName}"`);
      continue;
    }
    handlers.set(functionKey, handler as AppHandler);
  }
  if (problems.length > 0) throw new Error(`manifest.yml: ${problems.join('; ')}`);
  return handlers;
}
