import type { AppManifest } from './manifest';
import type { InvocationStore } from './invocation-context';
import type { JsonRecord } from './narrow';

/** `meta` as the SDKs pass it to `global.__forge_fetch__`. */
export type ForgeFetchMeta = JsonRecord;

/** What the process-wide globals need from one LocalForge instance; routing is by ALS store. */
export interface PlatformInstance {
  readonly manifest: AppManifest;
  readonly appRoot: string;
  readonly cloudId: string;
  readonly installContext: string;
  readonly environmentId: string;
  readonly installationId: string;
  /** `permissions` for `appContext`: manifest scopes and external, plus extraEgress in fetch.backend. */
  readonly permissions: { scopes: string[]; external: JsonRecord };
  handleForgeFetch(meta: ForgeFetchMeta, path: string, init: RequestInit | undefined, store: InvocationStore | undefined): Promise<Response>;
  /** Throws the Forge egress error when `url` is not allowed; counts and delays allowed requests. */
  beforeEgress(url: string): Promise<void>;
  log(line: string): void;
}
