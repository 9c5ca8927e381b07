import type { ResolverError } from '../../../../src/shared/contract';
import type { ConnectionFormValues } from './connection-form-values';

type FormField = keyof ConnectionFormValues;

/**
 * Maps a resolver error's dot-separated `field` (e.g. `events.2`, `projects.projectKeys.0`) to the
 * form field that shows it. Undefined means the form has no such input: show it as a general error.
 */
export function formFieldFor(error: ResolverError, values: ConnectionFormValues): FormField | undefined {
  const top = error.field?.split('.')[0];
  switch (top) {
    case 'name':
    case 'url':
    case 'token':
    case 'enabled':
    case 'events':
    case 'rateLimitPerSecond':
      return top;
    case 'projects':
      // With "Selected projects" the keys input is what the admin has to fix.
      return values.projects === 'selected' ? 'projectKeys' : 'projects';
    default:
      return undefined;
  }
}
