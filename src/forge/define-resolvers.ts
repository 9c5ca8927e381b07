import Resolver, { type Request } from '@forge/resolver';
import type { z } from 'zod';
import type { ResolverError, ResolverResult } from '../shared/contract';
import { RelayError } from '../services/relay-error';
import type { Logger } from '../services/ports';

export interface Caller {
  accountId: string;
  /** The project of the project settings page, once the caller is known to administer it. */
  projectKey?: string;
}

/** One resolver function: a zod schema for its payload and the service call it makes. */
export interface FunctionSpec<P, D> {
  readonly input: z.ZodType;
  readonly run: (payload: never, caller: Caller) => Promise<D>;
  /** Type-level only: the contract's payload must be something the schema accepts. */
  readonly accepts?: (payload: P) => void;
}

/** Ties a schema to its service call, so `run` gets the schema's parsed output (defaults applied). */
export function fn<S extends z.ZodType, D>(input: S, run: (payload: z.output<S>, caller: Caller) => Promise<D>): FunctionSpec<z.input<S>, D> {
  return { input, run };
}

type ContractShape<R> = { [K in keyof R]: { payload: unknown; data: unknown } };

export type FunctionSpecs<R extends ContractShape<R>> = {
  [K in keyof R & string]: FunctionSpec<R[K]['payload'], R[K]['data']>;
};

/** Returns the caller when allowed, or a refusal; runs before anything else in every function. */
export type Authorize = (request: Request<unknown>) => Promise<Caller | ResolverError>;

/**
 * A routing table: each function authorizes the caller, validates its payload with zod, runs one
 * service and answers `{ ok, data }` or `{ ok: false, error }`. Nothing is thrown across the bridge.
 */
export function defineResolvers<R extends ContractShape<R>>(
  specs: FunctionSpecs<R>,
  authorize: Authorize,
  logger: Logger,
): ReturnType<Resolver['getDefinitions']> {
  const resolver = new Resolver();
  for (const name of Object.keys(specs) as (keyof R & string)[]) {
    const spec = specs[name];
    resolver.define(name, async (request: Request<unknown>): Promise<ResolverResult<R[typeof name]['data']>> => {
      try {
        const caller = await authorize(request);
        if (!('accountId' in caller)) return { ok: false, error: caller };
        const parsed = spec.input.safeParse(request.payload ?? {});
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          return {
            ok: false,
            error: { code: 'INVALID_INPUT', message: issue?.message ?? 'Invalid input', field: issue?.path.join('.') || undefined },
          };
        }
        return { ok: true, data: await spec.run(parsed.data as never, caller) };
      } catch (error) {
        if (error instanceof RelayError) {
          return { ok: false, error: { code: error.code, message: error.message, field: error.field } };
        }
        logger.error('Resolver function failed', { function: name, error: error instanceof Error ? error.message : String(error) });
        return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong. Try again; if it persists, check the app logs.' } };
      }
    });
  }
  return resolver.getDefinitions();
}

export const forbidden = (message: string): ResolverError => ({ code: 'FORBIDDEN', message });
