import DynamicTable from '@atlaskit/dynamic-table';
import type { HeadType, RowType } from '@atlaskit/dynamic-table/types';
import { Stack, Text } from '@atlaskit/primitives';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import { eventsSummary } from '../format/events-summary';
import { conditionNames, conditionsLabel, payloadLabel } from '../format/payload-label';
import { scopeLabel } from '../format/scope-label';
import { ConnectionActions } from './ConnectionActions';
import type { ConnectionDialogKind } from './ConnectionDialog';
import { ConnectionEnabledToggle } from './ConnectionEnabledToggle';
import { ConnectionHealth } from './ConnectionHealth';

const HEAD: HeadType = {
  cells: [
    { key: 'name', content: 'Name' },
    { key: 'host', content: 'Listener host' },
    { key: 'events', content: 'Events' },
    { key: 'scope', content: 'Projects' },
    { key: 'health', content: 'Health' },
    { key: 'enabled', content: 'Enabled' },
    { key: 'actions', content: 'Actions' },
  ],
};

interface Props {
  connections: ConnectionView[];
  onAction: (kind: ConnectionDialogKind, connection: ConnectionView) => void;
  onSaved: (saved: ConnectionView) => void;
  onToggleError: (error: ResolverError, connection: ConnectionView) => void;
}

/** "Custom JSON · 2 conditions" under the name; the conditions' names are in the accessible title. */
function PayloadSummary({ connection: c }: { connection: ConnectionView }) {
  const conditions = conditionsLabel(c.conditions);
  return (
    <Text size="small" color="color.text.subtlest">
      <span data-testid={`connection-payload-${c.id}`}>{payloadLabel(c.payload)}</span>
      {conditions && (
        <>
          {' · '}
          <span data-testid={`connection-conditions-${c.id}`} title={`Only sent when: ${conditionNames(c.conditions).join(', ')}`}>
            {conditions}
          </span>
        </>
      )}
    </Text>
  );
}

export function ConnectionsTable({ connections, onAction, onSaved, onToggleError }: Props) {
  const rows: RowType[] = connections.map((c) => ({
    key: c.id,
    testId: `connection-row-${c.id}`,
    cells: [
      {
        key: 'name',
        content: (
          <Stack>
            <Text weight="medium">{c.name}</Text>
            <PayloadSummary connection={c} />
            {c.signing.enabled && (
              <Text size="small" color="color.text.subtlest" testId={`connection-signed-${c.id}`}>
                Signed (Standard Webhooks)
              </Text>
            )}
          </Stack>
        ),
      },
      { key: 'host', content: <Text color="color.text.subtle">{c.host}</Text> },
      { key: 'events', content: eventsSummary(c.events) },
      {
        key: 'scope',
        content: (
          <Stack>
            <Text>{scopeLabel(c.projects, c.optedInProjects)}</Text>
            {c.projects.mode === 'selected' && (
              <Text size="small" color="color.text.subtlest">
                {c.projects.projectKeys.join(', ')}
              </Text>
            )}
          </Stack>
        ),
      },
      { key: 'health', content: <ConnectionHealth health={c.health} id={c.id} breaker={c.breaker} /> },
      { key: 'enabled', content: <ConnectionEnabledToggle connection={c} onSaved={onSaved} onError={onToggleError} /> },
      { key: 'actions', content: <ConnectionActions connection={c} onAction={onAction} /> },
    ],
  }));
  return <DynamicTable label="Connections" head={HEAD} rows={rows} testId="connections" />;
}
