import { z } from 'zod';
import type { ProjectResolvers } from '../shared/contract';
import { connectionIdSchema, projectKeySchema } from '../core/connection-rules';
import { forProjectAdmin, toDeliveryDetail } from '../services/delivery-views';
import { listDeliveries, projectDeliveryFilterSchema } from '../services/list-deliveries';
import { getDelivery, redeliver } from '../services/redeliver';
import { projectOverview, setProjectOptIn } from '../services/project-settings';
import { deps } from './app-deps';
import { defineResolvers, fn, forbidden, type Authorize } from './define-resolvers';
import { deliveryRefSchema } from './delivery-ref-schema';
import { callerCanAdministerProject } from './user-permissions';

const extensionSchema = z.object({ project: z.object({ key: projectKeySchema }) });

/**
 * The project comes from the page's extension context, which the caller can forge; so the caller's
 * own Administer Projects permission on THAT project is what makes it trustworthy.
 */
const authorizeProjectAdmin: Authorize = async ({ context }) => {
  const accountId: unknown = context.accountId;
  const extension = extensionSchema.safeParse(context.extension);
  if (typeof accountId !== 'string' || !extension.success) {
    return forbidden('This page works only inside a Jira project’s settings.');
  }
  const projectKey = extension.data.project.key;
  if (!(await callerCanAdministerProject(projectKey))) {
    return forbidden(`You need the Administer Projects permission for project ${projectKey}.`);
  }
  return { accountId, projectKey };
};

function projectOf(caller: { projectKey?: string }): string {
  // Set by authorizeProjectAdmin for every call that reaches a function.
  if (!caller.projectKey) throw new Error('Project missing after authorization');
  return caller.projectKey;
}

export const projectResolver = defineResolvers<ProjectResolvers>(
  {
    'project/overview': fn(
      z.object({}),
      async (_payload, caller) => projectOverview(await deps.configStore.load(), projectOf(caller)),
    ),
    'project/setOptIn': fn(
      z.object({ connectionId: connectionIdSchema, optedIn: z.boolean() }),
      ({ connectionId, optedIn }, caller) => setProjectOptIn(deps, projectOf(caller), connectionId, optedIn),
    ),
    // The project always comes from the authorized page context, never from the payload.
    'project/deliveries': fn(
      projectDeliveryFilterSchema,
      (filter, caller) => listDeliveries(deps.deliveries, filter, projectOf(caller)),
    ),
    'project/delivery': fn(
      deliveryRefSchema,
      async (ref, caller) => forProjectAdmin(toDeliveryDetail(await getDelivery(deps.deliveries, ref, projectOf(caller)))),
    ),
    'project/redeliver': fn(
      deliveryRefSchema,
      async (ref, caller) => forProjectAdmin(await redeliver(deps, ref, projectOf(caller))),
    ),
  },
  authorizeProjectAdmin,
  deps.logger,
);
