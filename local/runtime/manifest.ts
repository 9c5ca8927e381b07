import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { asArray, asNumber, asRecord, asString, isRecord, type JsonRecord } from './narrow';

/** The parts of manifest.yml the local platform acts on, already narrowed. */
export interface FunctionDef {
  key: string;
  handler: string;
  /** Module path relative to `<appRoot>/src` (`index` for `index.onIssueEvent`). */
  modulePath: string;
  exportName: string;
  timeoutSeconds?: number;
  memoryMB: number;
}
export interface TriggerDef { key: string; functionKey: string; events: string[]; ignoreSelf: boolean }
export interface ConsumerDef { key: string; queue: string; functionKey: string; method?: string }
export interface ScheduledTriggerDef { key: string; functionKey: string; interval: string }
export interface ResolverModuleDef { moduleKey: string; moduleType: string; functionKey: string }
export interface EntityIndexDef { name: string; range: string[]; partition: string[] }
export interface EntityDef { name: string; attributes: Record<string, string>; indexes: EntityIndexDef[] }

export interface AppManifest {
  /** The UUID part of `app.id`. */
  appId: string;
  functions: Map<string, FunctionDef>;
  triggers: TriggerDef[];
  consumers: ConsumerDef[];
  scheduledTriggers: ScheduledTriggerDef[];
  resolverModules: ResolverModuleDef[];
  scopes: string[];
  /** `permissions.external` as written (object-form entries kept, the SDK's extractUrlString reads them). */
  external: JsonRecord;
  entities: Map<string, EntityDef>;
}

const DEFAULT_MEMORY_MB = 512;

export function loadManifest(appRoot: string): AppManifest {
  const raw: unknown = parse(readFileSync(join(appRoot, 'manifest.yml'), 'utf8'));
  return readManifest(raw);
}

export function readManifest(raw: unknown): AppManifest {
  const doc = asRecord(raw);
  const modules = asRecord(doc.modules);
  const app = asRecord(doc.app);
  const runtimeMemory = asNumber(asRecord(app.runtime).memoryMB) ?? DEFAULT_MEMORY_MB;
  const permissions = asRecord(doc.permissions);
  return {
    appId: (asString(app.id) ?? 'local-app').replace(/^ari:cloud:ecosystem::app\//, ''),
    functions: readFunctions(modules.function, runtimeMemory),
    triggers: asArray(modules.trigger).filter(isRecord).map(readTrigger),
    consumers: asArray(modules.consumer).filter(isRecord).map(readConsumer),
    scheduledTriggers: asArray(modules.scheduledTrigger).filter(isRecord).map((m) => ({
      key: String(m.key), functionKey: String(m.function), interval: String(m.interval),
    })),
    resolverModules: readResolverModules(modules),
    scopes: asArray(permissions.scopes).filter((s): s is string => typeof s === 'string'),
    external: asRecord(permissions.external),
    entities: readEntities(asRecord(app.storage).entities),
  };
}

function readFunctions(raw: unknown, runtimeMemory: number): Map<string, FunctionDef> {
  const out = new Map<string, FunctionDef>();
  for (const fn of asArray(raw).filter(isRecord)) {
    const key = String(fn.key);
    const handler = String(fn.handler);
    // `dir/file.exportName`: the export is after the LAST dot, the rest is a path under src/.
    const dot = handler.lastIndexOf('.');
    out.set(key, {
      key,
      handler,
      modulePath: dot > 0 ? handler.slice(0, dot) : handler,
      exportName: dot > 0 ? handler.slice(dot + 1) : 'handler',
      timeoutSeconds: asNumber(fn.timeoutSeconds),
      memoryMB: asNumber(asRecord(fn.runtime).memoryMB) ?? runtimeMemory,
    });
  }
  return out;
}

function readTrigger(m: JsonRecord): TriggerDef {
  const events = asArray(m.events).filter((e): e is string => typeof e === 'string');
  return {
    key: String(m.key),
    functionKey: String(m.function),
    events,
    ignoreSelf: asRecord(m.filter).ignoreSelf === true,
  };
}

function readConsumer(m: JsonRecord): ConsumerDef {
  const resolver = asRecord(m.resolver);
  // Two manifest forms: `function: key` (handler gets the event) or `resolver: { function, method }`.
  const functionKey = asString(m.function) ?? asString(resolver.function) ?? '';
  return { key: String(m.key), queue: String(m.queue), functionKey, method: asString(resolver.method) };
}

function readResolverModules(modules: JsonRecord): ResolverModuleDef[] {
  const out: ResolverModuleDef[] = [];
  for (const [moduleType, list] of Object.entries(modules)) {
    if (moduleType === 'consumer') continue; // consumer resolvers are queue handlers, not UI resolvers
    for (const m of asArray(list).filter(isRecord)) {
      const fn = asString(asRecord(m.resolver).function);
      if (fn) out.push({ moduleKey: String(m.key), moduleType, functionKey: fn });
    }
  }
  return out;
}

function readEntities(raw: unknown): Map<string, EntityDef> {
  const out = new Map<string, EntityDef>();
  for (const e of asArray(raw).filter(isRecord)) {
    const attributes: Record<string, string> = {};
    for (const [name, def] of Object.entries(asRecord(e.attributes))) attributes[name] = String(asRecord(def).type);
    const indexes = asArray(e.indexes).map((ix): EntityIndexDef => {
      if (typeof ix === 'string') return { name: ix, range: [ix], partition: [] };
      const r = asRecord(ix);
      return {
        name: String(r.name),
        range: asArray(r.range).map(String),
        partition: asArray(r.partition).map(String),
      };
    });
    out.set(String(e.name), { name: String(e.name), attributes, indexes });
  }
  return out;
}

/** Every `function:` key the wired modules name; used to fail fast on a missing handler. */
export function referencedFunctionKeys(m: AppManifest): string[] {
  return [
    ...m.triggers.map((t) => t.functionKey),
    ...m.consumers.map((c) => c.functionKey),
    ...m.scheduledTriggers.map((s) => s.functionKey),
    ...m.resolverModules.map((r) => r.functionKey),
  ];
}
