import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { Box, Text } from '@atlaskit/primitives';
import { accessFix, PERMISSION_LABELS, REQUIRED_PERMISSIONS } from '../../../../src/shared/access';
import type { ProjectAccess } from '../../../../src/shared/contract';
import { AccessStatusLozenge } from './AccessStatusLozenge';

const HEAD: HeadType = {
  cells: [
    { key: 'key', content: 'Key', width: 8 },
    { key: 'name', content: 'Project', width: 16 },
    { key: 'status', content: 'Status', width: 11 },
    { key: 'missing', content: 'Missing permissions', width: 25 },
    { key: 'fix', content: 'How to fix', width: 40 },
  ],
};

function missingText(missing: ProjectAccess['missing']): string {
  if (missing.length === 0) return 'Nothing';
  const labels = missing.map((key) => PERMISSION_LABELS[key]).join(', ');
  return missing.length === REQUIRED_PERMISSIONS.length ? `All of them: ${labels}` : labels;
}

function toRow(project: ProjectAccess): RowType {
  return {
    key: project.id,
    testId: `access-row-${project.key}`,
    cells: [
      { key: 'key', content: <Text weight="medium">{project.key}</Text> },
      { key: 'name', content: project.name },
      { key: 'status', content: <AccessStatusLozenge missing={project.missing.length} testId={`access-status-${project.key}`} /> },
      {
        key: 'missing',
        content: (
          <Box testId={`access-missing-${project.key}`}>
            <Text color={project.missing.length ? 'color.text' : 'color.text.subtlest'}>{missingText(project.missing)}</Text>
          </Box>
        ),
      },
      {
        key: 'fix',
        content: (
          <Box testId={`access-fix-${project.key}`}>
            {project.missing.length ? <Text>{accessFix(project.name, project.missing)}</Text> : <Text color="color.text.subtlest">Nothing to do</Text>}
          </Box>
        ),
      },
    ],
  };
}

/** One row per project, in the backend's order (most missing first). */
export function AccessTable({ projects }: { projects: ProjectAccess[] }) {
  return <DynamicTable label="Jira API access by project" head={HEAD} rows={projects.map(toRow)} testId="access" />;
}
