import type { ProjectConnectionView } from '../../../../src/shared/contract';

const LABELS: Record<ProjectConnectionView['coverage'], string> = {
  all: 'Covers every project, this one included.',
  selected: 'A Jira administrator selected this project for it.',
  optIn: 'Opt-in: this project’s events go to it only while forwarding is on below.',
};

/** How a connection covers the project, in words a project admin can act on. */
export function coverageLabel(coverage: ProjectConnectionView['coverage']): string {
  return LABELS[coverage];
}
