import { z } from 'zod';
import type { AdminResolvers } from '../shared/contract';
import { EVENT_KINDS } from '../shared/events';
import { healthAndBreaker } from '../services/connection-health';
import { checkAccess } from '../services/check-access';
import { accountNames } from '../services/account-names';
import { connectionInputSchema } from '../services/connection-input';
import { toConnectionView } from '../services/connection-view';
import { deleteConnection } from '../services/delete-connection';
import { toDeliveryDetail } from '../services/delivery-views';
import { deliveryFilterSchema, listDeliveries } from '../services/list-deliveries';
import { getDelivery, redeliver } from '../services/redeliver';
import { redeliverFailed } from '../services/redeliver-failed';
import { connectionIdSchema, slaSettingsSchema } from '../core/connection-rules';
import { payloadFormatSchema } from '../core/payload-format';
import { previewPayload } from '../services/preview-payload';
import { saveConnection } from '../services/save-connection';
import { sendRealIssue } from '../services/send-real-issue';
import { disableSigning, rotateSigningSecret } from '../services/signing';
import { saveSlaSettings, slaOverview } from '../services/sla-settings';
import { testConnection } from '../services/test-connection';
import { deps } from './app-deps';
import { defineResolvers, fn, forbidden, type Authorize } from './define-resolvers';
import { deliveryRefSchema } from './delivery-ref-schema';
import { callerIsJiraAdmin } from './user-permissions';

/** The admin page is for Jira admins; the page's location does not stop others invoking it, so check. */
const authorizeJiraAdmin: Authorize = async ({ context }) => {
  const accountId: unknown = context.accountId;
  if (typeof accountId !== 'string' || !(await callerIsJiraAdmin())) {
    return forbidden('Only Jira administrators can manage Agent Studio Relay.');
  }
  return { accountId };
};

const connectionId = connectionIdSchema;
const issueKeySchema = z
  .string()
  .trim()
  .transform((key) => key.toUpperCase())
  .pipe(z.string().regex(/^[A-Z][A-Z0-9_]*-\d+$/, 'Enter an issue key such as SUP-12'));

export const adminResolver = defineResolvers<AdminResolvers>(
  {
    'admin/overview': fn(
      z.object({}),
      async () => {
        const config = await deps.configStore.load();
        const now = deps.clock.now();
        const connections = await Promise.all(
          config.connections.map(async (c) => {
            const { health, breaker } = await healthAndBreaker(deps.deliveries, c.id, config.breakers[c.id], now);
            return { ...toConnectionView(c, config.optIns, health, await accountNames(deps.jira, c.conditions.ignoreAccountIds)), breaker };
          }),
        );
        return { connections, allowedHosts: deps.egress.allowedHosts() };
      },
    ),
    'connections/save': fn(
      connectionInputSchema,
      (input, caller) => saveConnection(deps, input, { accountId: caller.accountId, jira: deps.userJira }),
    ),
    'connections/delete': fn(
      z.object({ id: connectionId }),
      ({ id }) => deleteConnection(deps, id),
    ),
    'connections/test': fn(
      z.object({ id: connectionId }),
      ({ id }) => testConnection(deps, id),
    ),
    'connections/rotateSigningSecret': fn(z.object({ id: connectionId }), ({ id }) => rotateSigningSecret(deps, id)),
    'connections/disableSigning': fn(z.object({ id: connectionId }), ({ id }) => disableSigning(deps, id)),
    'connections/sendIssue': fn(
      z.object({
        id: connectionId,
        issueKey: issueKeySchema,
        event: z.enum(EVENT_KINDS, 'Pick an event'),
      }),
      (input, caller) => sendRealIssue(deps, input, caller.accountId),
    ),
    'connections/preview': fn(
      z.object({
        payload: payloadFormatSchema,
        issueKey: issueKeySchema,
        event: z.enum(EVENT_KINDS, 'Pick an event'),
      }),
      (input, caller) => previewPayload(deps, input, caller.accountId),
    ),
    'projects/search': fn(
      z.object({ query: z.string().trim().max(100, 'Use at most 100 characters').default('') }),
      async ({ query }) => ({ projects: await deps.userJira.searchProjects(query ?? '') }),
    ),
    'users/search': fn(
      z.object({ query: z.string().trim().min(1, 'Type part of a name or email').max(100, 'Use at most 100 characters') }),
      async ({ query }) => ({ users: await deps.userJira.searchUsers(query) }),
    ),
    'access/check': fn(
      z.object({
        accountId: z.string().trim().regex(/^[A-Za-z0-9:_-]{1,128}$/, 'Pick an Atlassian account'),
        scope: z.enum(['all', 'covered']).default('all'),
      }),
      ({ accountId, scope }) => checkAccess(deps, accountId, scope),
    ),
    'deliveries/list': fn(
      deliveryFilterSchema,
      (filter) => listDeliveries(deps.deliveries, filter),
    ),
    'deliveries/get': fn(
      deliveryRefSchema,
      async (ref) => toDeliveryDetail(await getDelivery(deps.deliveries, ref)),
    ),
    'deliveries/redeliver': fn(
      deliveryRefSchema,
      (ref) => redeliver(deps, ref),
    ),
    'deliveries/redeliverFailed': fn(
      z.object({ connectionId, since: z.iso.datetime({ offset: true, message: 'Enter a date and time' }) }),
      ({ connectionId: id, since }) => redeliverFailed(deps, id, Date.parse(since)),
    ),
    'sla/overview': fn(z.object({}), () => slaOverview(deps)),
    'sla/save': fn(slaSettingsSchema, (settings) => saveSlaSettings(deps, settings)),
  },
  authorizeJiraAdmin,
  deps.logger,
);
