import type { RelayConfig, StoredConnection } from '../core/connection';
import { activeSigningSecretIds } from '../core/signing-secrets';
import type { Clock, ConfigSource, SecretStore } from './ports';

/**
 * Configuration and tokens cached between warm invocations, so an event on the success path reads
 * nothing from KVS (reads are billed; platform.md "Storage"). A change made by an admin reaches the
 * trigger within `ttlMs`; the resolver that made it invalidates its own copy at once.
 */
export class ConfigCache {
  private cached?: { value: RelayConfig; loadedAt: number };
  private readonly tokens = new Map<string, { value: string | undefined; loadedAt: number }>();

  constructor(
    private readonly store: ConfigSource,
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
    return this.cachedSecret(`token:${connectionId}`, () => this.secrets.getToken(connectionId));
  }

  /** The secret values that sign this connection's requests now (none when signing is off). */
  async signingSecrets(connection: StoredConnection): Promise<string[]> {
    const ids = activeSigningSecretIds(connection, this.clock.now());
    const values = await Promise.all(ids.map((id) => this.cachedSecret(`signing:${connection.id}:${id}`, () => this.secrets.getSigningSecret(connection.id, id))));
    return values.filter((v): v is string => v !== undefined);
  }

  private async cachedSecret(key: string, load: () => Promise<string | undefined>): Promise<string | undefined> {
    const now = this.clock.now();
    const cached = this.tokens.get(key);
    if (cached && now - cached.loadedAt < this.ttlMs) return cached.value;
    const value = await load();
    this.tokens.set(key, { value, loadedAt: now });
    return value;
  }

  invalidate(): void {
    this.cached = undefined;
    this.tokens.clear();
  }
}
