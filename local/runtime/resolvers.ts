import type { InvokeResolverRequest } from '../contracts';
import { runInvocation } from './invoke';
import { resolverNamesOf } from './resolver-observer';
import { handlerFor, memoryOf, type RuntimeContext } from './runtime-context';

/** Call a UI resolver function the way Forge does for `invoke()` from @forge/bridge. */
export async function invokeResolverFunction(ctx: RuntimeContext, req: InvokeResolverRequest): Promise<unknown> {
  const mod = ctx.manifest.resolverModules.find((m) => m.moduleKey === req.moduleKey);
  if (!mod) throw new Error(`No module with a resolver has key "${req.moduleKey}"`);
  const extension = req.extension ?? { type: mod.moduleType };
  // Shapes from @forge/resolver 2.0.1 getDefinitions(): the second argument carries the trusted identity.
  const call = { call: { functionKey: req.functionKey, payload: req.payload }, context: {
    extension,
    moduleKey: mod.moduleKey,
    localId: `${mod.moduleKey}-local`,
    cloudId: ctx.platform.cloudId,
    siteUrl: ctx.site.baseUrl,
    environmentId: ctx.platform.environmentId,
    environmentType: 'DEVELOPMENT',
    accountType: 'licensed',
    locale: 'en-US',
    timezone: 'UTC',
  } };
  const backendRuntimePayload = {
    principal: { accountId: req.accountId },
    installContext: ctx.platform.installContext,
    license: undefined,
    installation: undefined,
  };
  const result = await runInvocation(
    {
      platform: ctx.platform,
      metrics: ctx.metrics,
      kind: 'resolver',
      moduleKey: mod.moduleKey,
      functionKey: mod.functionKey,
      accountId: req.accountId,
      timeoutMs: ctx.limits.resolverMs,
      memoryMB: memoryOf(ctx, mod.functionKey),
      label: req.functionKey,
    },
    () => handlerFor(ctx, mod.functionKey)(call, backendRuntimePayload),
  );
  if (result.outcome !== 'returned') throw new Error(`Resolver ${req.moduleKey}/${req.functionKey} failed: ${result.error}`);
  // The bridge sends results as JSON: Dates become strings, undefined disappears.
  return result.value === undefined ? undefined : JSON.parse(JSON.stringify(result.value));
}

export function listResolverFunctions(ctx: RuntimeContext): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const mod of ctx.manifest.resolverModules) {
    out[mod.moduleKey] = resolverNamesOf(ctx.handlers.get(mod.functionKey)) ?? [];
  }
  return out;
}
