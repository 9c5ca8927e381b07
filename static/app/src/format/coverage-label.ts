import type { ProjectConnectionView } from '../../../../src/shared/contract';

const LABELS: Record<ProjectConnectionView['coverage'], string> = {
  all: 'All projects',
  selected: 'Selected for this project',
  optIn: 'Opt-in',
};

export function coverageLabel(coverage: ProjectConnectionView['coverage']): string {
  return LABELS[coverage];
}
