import type { RelayConfig } from '../core/connection';
import type { Clock, ConfigStore, SecretStore } from './ports';

/**
 * Configuration and tokens cached between warm invocations, so an event on the success path reads
 * nothing from KVS (reads are billed; platform.md "Storage"). A change made by an admin reaches the
 * trigger within `ttlMs`; the resolver that made it invalidates its own copy at once.
 */
export class ConfigCache {
  private cached?: { value: RelayConfig; loadedAt: number };
  private readonly tokens = new Map<string, { value: string | undefined; loadedAt: number }>();

  constructor(
    private readonly store: ConfigStore,
    private readonly secrets: SecretStore,
    private readonly clock: Clock,
    private readonly ttlMs = 30_000,
  ) {}

  async config(): Promise<RelayConfig> {
    const now = this.clock.now();
    if (this.cached && now - this.cached.loadedAt < this.ttlMs) return this.cached.value;
    const value = await this.store.load();
    this.cached = { value, loadedAt: now };
    return value;
  }

  async token(connectionId: string): Promise<string | undefined> {
    const now = this.clock.now();
    const cached = this.tokens.get(connectionId);
    if (cached && now - cached.loadedAt < this.ttlMs) return cached.value;
    const value = await this.secrets.getToken(connectionId);
    this.tokens.set(connectionId, { value, loadedAt: now });
    return value;
  }

  invalidate(): void {
    this.cached = undefined;
    this.tokens.clear();
  }
}
