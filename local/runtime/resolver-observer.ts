import { isRecord } from './narrow';

type Fn = (...args: unknown[]) => unknown;
interface ResolverPrototype {
  define: Fn;
  getDefinitions: Fn;
}

const OBSERVED = Symbol.for('agent-studio-relay.local-forge.resolver-observed');
const NAMES = Symbol.for('agent-studio-relay.local-forge.resolver-names');
const OWNERS = Symbol.for('agent-studio-relay.local-forge.resolver-owners');

type Slots = typeof globalThis & {
  [NAMES]?: WeakMap<object, string[]>;
  [OWNERS]?: WeakMap<object, object>;
};
const slots = globalThis as Slots;
const names = (): WeakMap<object, string[]> => (slots[NAMES] ??= new WeakMap());
const owners = (): WeakMap<object, object> => (slots[OWNERS] ??= new WeakMap());

function resolverPrototype(appRoot: string): ResolverPrototype & { [OBSERVED]?: boolean } {
  // The app's own copy of @forge/resolver (resolved from appRoot), so we patch the class it instantiates.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must be the same module instance the app requires
  const mod: unknown = require(require.resolve('@forge/resolver', { paths: [appRoot] }));
  const ctor = isRecord(mod) ? mod.default : undefined;
  const proto: unknown = typeof ctor === 'function' ? ctor.prototype : undefined;
  if (!isRecord(proto) || typeof proto.define !== 'function' || typeof proto.getDefinitions !== 'function') {
    throw new Error('@forge/resolver: unexpected module shape (expected a default-exported Resolver class)');
  }
  return proto as unknown as ResolverPrototype;
}

/**
 * Wrap Resolver.prototype.define / getDefinitions (still calling the originals) to learn which function
 * names each exported handler serves. Must run before the app module loads.
 */
export function observeResolvers(appRoot: string): void {
  const proto = resolverPrototype(appRoot);
  if (proto[OBSERVED]) return;
  proto[OBSERVED] = true;
  const originalDefine = proto.define;
  const originalGetDefinitions = proto.getDefinitions;
  proto.define = function define(this: object, ...args: unknown[]): unknown {
    const result = originalDefine.apply(this, args);
    const list = names().get(this) ?? [];
    list.push(String(args[0]));
    names().set(this, list);
    return result;
  };
  proto.getDefinitions = function getDefinitions(this: object, ...args: unknown[]): unknown {
    const handler = originalGetDefinitions.apply(this, args);
    if (typeof handler === 'function') owners().set(handler, this);
    return handler;
  };
}

/** Names defined on the Resolver whose getDefinitions() produced `handler` (live: later defines show up). */
export function resolverNamesOf(handler: unknown): string[] | undefined {
  if (typeof handler !== 'function') return undefined;
  const owner = owners().get(handler);
  return owner ? [...(names().get(owner) ?? [])] : undefined;
}
