import type { ProjectScope } from '../../../../src/shared/contract';

/** "All projects", "3 selected projects" or "Opt-in: 2 projects (SUP, ENG)", as the connections list shows scope. */
export function scopeLabel(scope: ProjectScope, optedInProjects: readonly string[] = []): string {
  switch (scope.mode) {
    case 'all':
      return 'All projects';
    case 'selected':
      return scope.projectKeys.length === 1 ? '1 selected project' : `${scope.projectKeys.length} selected projects`;
    case 'optIn':
      return optedInProjects.length === 0 ? 'Opt-in: no project yet' : `Opt-in: ${countOf(optedInProjects.length)} (${listed(optedInProjects)})`;
  }
}

function countOf(n: number): string {
  return n === 1 ? '1 project' : `${n} projects`;
}

/** A few keys, then "…": the list cell stays one short line. */
function listed(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).join(', ');
  return keys.length > 3 ? `${shown}, …` : shown;
}
