import { z } from 'zod';
import type { ProjectResolvers } from '../shared/contract';
import { projectKeySchema } from '../core/connection';
import { listDeliveries } from '../services/list-deliveries';
import { projectOverview, setProjectOptIn } from '../services/project-settings';
import { deps } from './app-deps';
import { defineResolvers, forbidden, type Authorize } from './define-resolvers';
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
    'project/overview': {
      input: z.object({}),
      run: async (_payload, caller) => projectOverview(await deps.configStore.load(), projectOf(caller)),
    },
    'project/setOptIn': {
      input: z.object({ connectionId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Unknown connection id'), optedIn: z.boolean() }),
      run: ({ connectionId, optedIn }, caller) => setProjectOptIn(deps, projectOf(caller), connectionId, optedIn),
    },
    'project/deliveries': {
      input: z.object({ limit: z.number().int().min(1).max(100).default(25) }),
      run: async ({ limit }, caller) => ({ deliveries: await listDeliveries(deps.deliveries, { limit: limit ?? 25, projectKey: projectOf(caller) }) }),
    },
  },
  authorizeProjectAdmin,
  deps.logger,
);
