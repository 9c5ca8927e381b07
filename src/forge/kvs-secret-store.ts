import { kvs } from '@forge/kvs';
import type { SecretStore } from '../services/ports';

/** Listener API keys live only in Forge's encrypted secret storage, never in queryable values. */
const tokenKey = (connectionId: string): string => `secret:token:${connectionId}`;
const signingKey = (connectionId: string, secretId: string): string => `secret:signing:${connectionId}:${secretId}`;

export class KvsSecretStore implements SecretStore {
  async getToken(connectionId: string): Promise<string | undefined> {
    const value = await kvs.getSecret<unknown>(tokenKey(connectionId));
    return typeof value === 'string' ? value : undefined;
  }

  async setToken(connectionId: string, token: string): Promise<void> {
    await kvs.setSecret(tokenKey(connectionId), token);
  }

  async deleteToken(connectionId: string): Promise<void> {
    await kvs.deleteSecret(tokenKey(connectionId));
  }

  async getSigningSecret(connectionId: string, secretId: string): Promise<string | undefined> {
    const value = await kvs.getSecret<unknown>(signingKey(connectionId, secretId));
    return typeof value === 'string' ? value : undefined;
  }

  async setSigningSecret(connectionId: string, secretId: string, secret: string): Promise<void> {
    await kvs.setSecret(signingKey(connectionId, secretId), secret);
  }

  async deleteSigningSecret(connectionId: string, secretId: string): Promise<void> {
    await kvs.deleteSecret(signingKey(connectionId, secretId));
  }
}
