import EmptyState from '@atlaskit/empty-state';
import { Stack } from '@atlaskit/primitives';
import type { ProjectConnectionView } from '../../../../src/shared/contract';
import { ProjectConnectionItem } from './ProjectConnectionItem';

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
    <Stack as="ul" space="space.150" testId="project-connections">
      {connections.map((connection) => (
        <ProjectConnectionItem
          key={connection.id}
          connection={connection}
          saving={savingId === connection.id}
          onOptInChange={(optedIn) => onOptInChange(connection.id, optedIn)}
        />
      ))}
    </Stack>
  );
}
