import EmptyState from '@atlaskit/empty-state';
import { token } from '@atlaskit/tokens';
import type { ProjectConnectionView } from '../../../../src/shared/contract';
import { ProjectConnectionItem } from './ProjectConnectionItem';

// A plain list (not Stack as="ul") so the browser's list indent can be removed.
const LIST_STYLE = {
  display: 'flex',
  flexDirection: 'column',
  gap: token('space.150'),
  margin: 0,
  padding: 0,
} as const;

interface Props {
  connections: ProjectConnectionView[];
  /** Id of the connection whose opt-in is being saved, if any. */
  savingId: string | undefined;
  onOptInChange: (connectionId: string, optedIn: boolean) => void;
}

export function ProjectConnectionList({ connections, savingId, onOptInChange }: Props) {
  if (connections.length === 0) {
    return (
      <div data-testid="project-connections">
        <EmptyState
          header="No connections cover this project"
          description="A Jira administrator can add one, or make one available to projects that opt in."
          headingLevel={3}
        />
      </div>
    );
  }
  return (
    <ul style={LIST_STYLE} data-testid="project-connections">
      {connections.map((connection) => (
        <ProjectConnectionItem
          key={connection.id}
          connection={connection}
          saving={savingId === connection.id}
          onOptInChange={(optedIn) => onOptInChange(connection.id, optedIn)}
        />
      ))}
    </ul>
  );
}
