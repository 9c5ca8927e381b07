import { view } from '@forge/bridge';
import { ADMIN_MODULE_KEY, PROJECT_MODULE_KEY } from '../../../../src/shared/contract';

export type PageContext =
  /** `siteUrl` (e.g. https://example.atlassian.net) is what Agent Studio's HTTP connector calls. */
  | { page: 'admin'; siteUrl?: string }
  | { page: 'project'; projectKey?: string }
  | { page: 'unknown'; moduleKey?: string };

function projectKeyOf(extension: Record<string, unknown>): string | undefined {
  const project = extension.project;
  if (typeof project !== 'object' || project === null || !('key' in project)) return undefined;
  return typeof project.key === 'string' ? project.key : undefined;
}

/** The site's origin without a trailing slash, or nothing if the context does not carry a usable one. */
function siteUrlOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || !/^https?:\/\//.test(value)) return undefined;
  return value.replace(/\/+$/, '');
}

/** Which of the two pages this resource is rendering, from the Forge context. */
export async function getPageContext(): Promise<PageContext> {
  const context = await view.getContext();
  if (context.moduleKey === ADMIN_MODULE_KEY) return { page: 'admin', siteUrl: siteUrlOf(context.siteUrl) };
  if (context.moduleKey === PROJECT_MODULE_KEY) return { page: 'project', projectKey: projectKeyOf(context.extension ?? {}) };
  return { page: 'unknown', moduleKey: context.moduleKey };
}
