import { USER_AGENT } from '../shared/app-info';
import { Pacer } from '../core/pacer';
import { ConfigCache } from '../services/config-cache';
import type { Clock } from '../services/ports';
import { ForgeEgressPolicy } from './egress-policy';
import { ForgeRetryQueue } from './forge-retry-queue';
import { ForgeHttpSender } from './http-sender';
import { ForgeJiraClient } from './jira-client';
import { KvsAttemptClaims } from './kvs-attempt-claims';
import { KvsConfigStore } from './kvs-config-store';
import { KvsDeliveryStore } from './kvs-delivery-store';
import { KvsSecretStore } from './kvs-secret-store';
import { KvsSlaScanStore } from './kvs-sla-scan-store';
import { createConsoleLogger } from './logger';
import { ForgeUserJira } from './user-jira';

const clock: Clock = { now: () => Date.now() };
const configStore = new KvsConfigStore();
const secrets = new KvsSecretStore();

/**
 * Built once per container: module scope survives between warm invocations on Forge, which is what
 * lets the config cache spare a KVS read on every event.
 */
export const deps = {
  clock,
  configStore,
  secrets,
  cache: new ConfigCache(configStore, secrets, clock),
  deliveries: new KvsDeliveryStore(),
  queue: new ForgeRetryQueue(),
  claims: new KvsAttemptClaims(),
  slaScans: new KvsSlaScanStore(),
  random: Math.random,
  // One pacer per warm container: it paces every invocation this container runs (src/core/pacer.ts).
  pacer: new Pacer(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  jira: new ForgeJiraClient(),
  userJira: new ForgeUserJira(),
  http: new ForgeHttpSender(),
  egress: new ForgeEgressPolicy(),
  logger: createConsoleLogger(),
  userAgent: USER_AGENT,
};
