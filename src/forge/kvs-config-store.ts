import { kvs } from '@forge/kvs';
import { EMPTY_CONFIG, relayConfigSchema, type RelayConfig } from '../core/connection';
import type { ConfigStore } from '../services/ports';

/** One key holds every connection and opt-in, so loading configuration is a single KVS read. */
export const CONFIG_KEY = 'config:relay';

export class KvsConfigStore implements ConfigStore {
  async load(): Promise<RelayConfig> {
    const raw = await kvs.get<unknown>(CONFIG_KEY);
    if (raw === undefined) return EMPTY_CONFIG;
    const parsed = relayConfigSchema.safeParse(raw);
    // A config that no longer parses must stop delivery loudly rather than silently drop events.
    if (!parsed.success) throw new Error(`Stored configuration is invalid: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
    return parsed.data;
  }

  async save(config: RelayConfig): Promise<void> {
    await kvs.set(CONFIG_KEY, relayConfigSchema.parse(config));
  }
}
