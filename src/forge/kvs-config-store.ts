import { kvs } from '@forge/kvs';
import { validRelayConfigSchema } from '../core/connection-rules';
import type { RelayConfig } from '../core/connection';
import type { ConfigStore } from '../services/ports';
import { CONFIG_KEY, KvsConfigSource } from './kvs-config-source';

/** The configuration for resolvers and background work: every save is checked against the admin-input rules first. */
export class KvsConfigStore extends KvsConfigSource implements ConfigStore {
  async save(config: RelayConfig): Promise<void> {
    await kvs.set(CONFIG_KEY, validRelayConfigSchema.parse(config));
  }
}
