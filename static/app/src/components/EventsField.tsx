import Checkbox from '@atlaskit/checkbox';
import { ErrorMessage, Fieldset, HelperMessage } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives';
import { EVENT_KINDS, EVENT_KIND_LABELS, type EventKind } from '../../../../src/shared/events';

/** Keeps the submitted list in the canonical order, whatever order the boxes were ticked in. */
function toggled(selected: EventKind[], kind: EventKind, checked: boolean): EventKind[] {
  return EVENT_KINDS.filter((k) => (k === kind ? checked : selected.includes(k)));
}

interface Props {
  value: EventKind[];
  error?: string;
  onChange: (value: EventKind[]) => void;
}

/** One field holding the whole list, so a resolver error on `events` or `events.2` lands in one place. */
export function EventsField({ value, error, onChange }: Props) {
  return (
    <Fieldset legend="Events">
      <Stack space="space.025">
        {EVENT_KINDS.map((kind) => (
          <Checkbox
            key={kind}
            name="events"
            value={kind}
            label={EVENT_KIND_LABELS[kind]}
            isChecked={value.includes(kind)}
            isInvalid={Boolean(error)}
            onChange={(event) => onChange(toggled(value, kind, event.currentTarget.checked))}
            testId={`event-${kind}`}
          />
        ))}
      </Stack>
      {error && (
        <Box testId="connection-events-error">
          <ErrorMessage>{error}</ErrorMessage>
        </Box>
      )}
      <HelperMessage>An assignment is sent once: as “Issue assigned” when that is selected, otherwise as “Issue updated”.</HelperMessage>
    </Fieldset>
  );
}
