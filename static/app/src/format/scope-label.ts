import type { ProjectScope } from '../../../../src/shared/contract';

/** "All projects", "3 selected projects" or "Opt-in", as the connections list shows scope. */
export function scopeLabel(scope: ProjectScope): string {
  switch (scope.mode) {
    case 'all':
      return 'All projects';
    case 'selected':
      return scope.projectKeys.length === 1 ? '1 selected project' : `${scope.projectKeys.length} selected projects`;
    case 'optIn':
      return 'Opt-in';
  }
}
