import { kvs } from '@forge/kvs';
import { validRelayConfigSchema } from '../core/connection-rules';
import type { RelayConfig } from '../core/connection';
import { ConfigBusyError } from '../services/config-busy';
import type { ConfigChange, ConfigStore } from '../services/ports';
import { CONFIG_KEY, KvsConfigSource } from './kvs-config-source';
import type { KvsConfigLock } from './kvs-config-lock';

/**
 * The configuration for resolvers and background work: every change is made under the configuration's
 * lock and checked against the admin-input rules before it is saved.
 */
export class KvsConfigStore extends KvsConfigSource implements ConfigStore {
  constructor(private readonly lock: KvsConfigLock) {
    super();
  }

  update<T>(change: (current: RelayConfig) => ConfigChange<T> | Promise<ConfigChange<T>>, options: { waitMs?: number } = {}): Promise<T> {
    return this.lock.hold(options.waitMs, async (lease) => {
      const { config, result } = await change(await this.load());
      if (config === undefined) return result;
      const valid = validRelayConfigSchema.parse(config);
      // A change that outlasted the lock may have been overtaken: saving now would undo the other writer's.
      if (!lease.held()) throw new ConfigBusyError();
      await kvs.set(CONFIG_KEY, valid);
      return result;
    });
  }
}
