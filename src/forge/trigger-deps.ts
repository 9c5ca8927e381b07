import { USER_AGENT } from '../shared/app-info';
import { Pacer } from '../core/pacer';
import { ConfigCache } from '../services/config-cache';
import type { Clock } from '../services/ports';
import { ForgeRetryQueue } from './forge-retry-queue';
import { ForgeHttpSender } from './http-sender';
import { KvsAttemptClaims } from './kvs-attempt-claims';
import { ForgeEventJira } from './event-jira';
import { KvsConfigSource } from './kvs-config-source';
import { KvsDeliveryRecords } from './kvs-delivery-records';
import { KvsSecretStore } from './kvs-secret-store';
import { createConsoleLogger } from './logger';

const clock: Clock = { now: () => Date.now() };
const secrets = new KvsSecretStore();

/**
 * What the trigger needs, and nothing more: the trigger is bundled on its own (bench/lib/sizes.ts), so
 * resolver-only collaborators must not be reachable from here. Built once per container: module scope
 * survives between warm invocations on Forge, which is what lets the config cache spare a KVS read on
 * every event. app-deps.ts spreads these, so every handler of a container shares one cache and one pacer.
 */
export const triggerDeps = {
  clock,
  secrets,
  cache: new ConfigCache(new KvsConfigSource(), secrets, clock),
  deliveries: new KvsDeliveryRecords(),
  queue: new ForgeRetryQueue(),
  claims: new KvsAttemptClaims(),
  random: Math.random,
  // One pacer per warm container: it paces every invocation this container runs (src/core/pacer.ts).
  pacer: new Pacer(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
  jira: new ForgeEventJira(),
  http: new ForgeHttpSender(),
  logger: createConsoleLogger(),
  userAgent: USER_AGENT,
};
