import { z } from 'zod';
import type { AdminResolvers } from '../shared/contract';
import { connectionInputSchema } from '../services/connection-input';
import { toConnectionView } from '../services/connection-view';
import { deleteConnection } from '../services/delete-connection';
import { listDeliveries } from '../services/list-deliveries';
import { saveConnection } from '../services/save-connection';
import { testConnection } from '../services/test-connection';
import { deps } from './app-deps';
import { defineResolvers, forbidden, type Authorize } from './define-resolvers';
import { callerIsJiraAdmin } from './user-permissions';

/** The admin page is for Jira admins; the page's location does not stop others invoking it, so check. */
const authorizeJiraAdmin: Authorize = async ({ context }) => {
  const accountId: unknown = context.accountId;
  if (typeof accountId !== 'string' || !(await callerIsJiraAdmin())) {
    return forbidden('Only Jira administrators can manage Agent Studio Relay.');
  }
  return { accountId };
};

const connectionId = z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown connection id');

export const adminResolver = defineResolvers<AdminResolvers>(
  {
    'admin/overview': {
      input: z.object({}),
      run: async () => {
        const config = await deps.configStore.load();
        return { connections: config.connections.map(toConnectionView), allowedHosts: deps.egress.allowedHosts() };
      },
    },
    'connections/save': {
      input: connectionInputSchema,
      run: (input, caller) => saveConnection(deps, input, caller.accountId),
    },
    'connections/delete': {
      input: z.object({ id: connectionId }),
      run: ({ id }) => deleteConnection(deps, id),
    },
    'connections/test': {
      input: z.object({ id: connectionId }),
      run: ({ id }) => testConnection(deps, id),
    },
    'deliveries/list': {
      input: z.object({ limit: z.number().int().min(1).max(100).default(25), connectionId: connectionId.optional() }),
      run: async ({ limit, connectionId: id }) => ({ deliveries: await listDeliveries(deps.deliveries, { limit: limit ?? 25, connectionId: id }) }),
    },
  },
  authorizeJiraAdmin,
  deps.logger,
);
