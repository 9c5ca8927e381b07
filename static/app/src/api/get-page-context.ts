import { view } from '@forge/bridge';
import { ADMIN_MODULE_KEY, PROJECT_MODULE_KEY } from '../../../../src/shared/contract';

export type PageContext =
  | { page: 'admin' }
  | { page: 'project'; projectKey?: string }
  | { page: 'unknown'; moduleKey?: string };

function projectKeyOf(extension: Record<string, unknown>): string | undefined {
  const project = extension.project;
  if (typeof project !== 'object' || project === null || !('key' in project)) return undefined;
  return typeof project.key === 'string' ? project.key : undefined;
}

/** Which of the two pages this resource is rendering, from the Forge context. */
export async function getPageContext(): Promise<PageContext> {
  const context = await view.getContext();
  if (context.moduleKey === ADMIN_MODULE_KEY) return { page: 'admin' };
  if (context.moduleKey === PROJECT_MODULE_KEY) return { page: 'project', projectKey: projectKeyOf(context.extension ?? {}) };
  return { page: 'unknown', moduleKey: context.moduleKey };
}
