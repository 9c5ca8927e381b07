import { ForgeEgressPolicy } from './egress-policy';
import { ForgeJiraClient } from './jira-client';
import { KvsConfigLock } from './kvs-config-lock';
import { KvsConfigStore } from './kvs-config-store';
import { KvsDeliveryStore } from './kvs-delivery-store';
import { KvsSlaScanStore } from './kvs-sla-scan-store';
import { triggerDeps } from './trigger-deps';
import { ForgeUserJira } from './user-jira';

/**
 * Every collaborator of the resolvers, the retry consumer and the scheduled functions: the trigger's
 * own (the same instances, so a container shares one config cache, one pacer and one clock), fuller
 * versions of three of them (each extends the trigger's class: changing the configuration, the rest of
 * Jira, the delivery log's queries), and those only these handlers use.
 */
export const deps = {
  ...triggerDeps,
  configStore: new KvsConfigStore(new KvsConfigLock(triggerDeps.logger)),
  jira: new ForgeJiraClient(),
  deliveries: new KvsDeliveryStore(),
  slaScans: new KvsSlaScanStore(),
  userJira: new ForgeUserJira(),
  egress: new ForgeEgressPolicy(),
};
