import { kvs } from '@forge/kvs';
import { EMPTY_CONFIG, relayConfigSchema, type RelayConfig } from '../core/connection';
import type { ConfigSource } from '../services/ports';

/** One key holds every connection and opt-in, so loading configuration is a single KVS read. */
export const CONFIG_KEY = 'config:relay';

/**
 * Reads the configuration (the trigger's side of KvsConfigStore): its shape is checked and the defaults
 * of fields added since it was written are filled in. The admin-input rules it was saved under are not
 * run again here: they are checked on every save, and they would bring the template compiler and
 * full zod into the trigger's bundle (bench/lib/sizes.ts).
 */
export class KvsConfigSource implements ConfigSource {
  async load(): Promise<RelayConfig> {
    const raw = await kvs.get<unknown>(CONFIG_KEY);
    if (raw === undefined) return EMPTY_CONFIG;
    const parsed = relayConfigSchema.safeParse(raw);
    // A config that no longer parses must stop delivery loudly rather than silently drop events.
    if (!parsed.success) throw new Error(`Stored configuration is invalid: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
    return parsed.data;
  }
}
