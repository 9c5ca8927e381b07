import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { ProjectConnectionView } from '../../../../src/shared/contract';
import { EVENT_KIND_LABELS } from '../../../../src/shared/events';
import { coverageLabel } from '../format/coverage-label';
import { formatTime } from '../format/format-time';
import { OptInToggle } from './OptInToggle';

// A card per connection; plain CSS with tokens keeps the primitives' runtime styling out of the bundle.
const ITEM_STYLE = {
  listStyle: 'none',
  padding: token('space.200'),
  backgroundColor: token('elevation.surface.raised'),
  boxShadow: token('elevation.shadow.raised'),
  borderRadius: token('radius.medium'),
} as const;

interface Props {
  connection: ProjectConnectionView;
  saving: boolean;
  onOptInChange: (optedIn: boolean) => void;
}

export function ProjectConnectionItem({ connection, saving, onOptInChange }: Props) {
  const events = connection.events.map((kind) => EVENT_KIND_LABELS[kind]).join(', ');
  return (
    <li style={ITEM_STYLE} data-testid={`project-connection-${connection.id}`}>
      <Stack space="space.100">
        <Inline space="space.100" alignBlock="center" shouldWrap>
          <Heading size="small" as="h3">
            {connection.name}
          </Heading>
          <Lozenge appearance={connection.enabled ? 'success' : 'default'}>{connection.enabled ? 'Enabled' : 'Disabled'}</Lozenge>
          {connection.pausedSince && (
            <Lozenge appearance="removed" testId={`project-connection-paused-${connection.id}`}>
              Paused
            </Lozenge>
          )}
        </Inline>
        {connection.pausedSince && (
          <Text color="color.text.subtle">
            Paused since {formatTime(connection.pausedSince)}: its listener kept failing. Events wait and are sent when it answers again; a Jira admin
            can see why on the app’s admin page.
          </Text>
        )}
        <Text color="color.text.subtle">
          {coverageLabel(connection.coverage)}
        </Text>
        <Text>Events: {events || 'none'}</Text>
        {connection.conditions.length > 0 && (
          <ul data-testid={`project-connection-conditions-${connection.id}`} style={{ margin: 0, paddingInlineStart: token('space.250') }}>
            {connection.conditions.map((line) => (
              <li key={line}>
                <Text>{line}</Text>
              </li>
            ))}
          </ul>
        )}
        {connection.coverage === 'optIn' && (
          <OptInToggle
            connectionId={connection.id}
            connectionName={connection.name}
            optedIn={connection.optedIn}
            saving={saving}
            onChange={onOptInChange}
          />
        )}
      </Stack>
    </li>
  );
}
