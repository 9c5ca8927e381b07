import Checkbox from '@atlaskit/checkbox';
import { ErrorMessage, Fieldset, HelperMessage } from '@atlaskit/form';
import { Box, Grid } from '@atlaskit/primitives';
import { EVENT_KINDS, EVENT_KIND_GROUPS, EVENT_KIND_LABELS, type EventKind } from '../../../../src/shared/events';
import { EventGroup } from './EventGroup';

/** Events that do not arrive like the others; the note sits under whichever group holds the event. */
const NOTES: Partial<Record<EventKind, string>> = {
  issue_assigned: 'An assignment is sent once: as “Issue assigned” when that is selected, otherwise as “Issue updated”.',
  sla_breached: 'Found by a scan every five minutes; set the warning time under Service Management SLAs.',
};

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
      {/* Two columns in the dialog (one when narrow): 17 boxes in a single column push the rest of the form far down. */}
      <Grid templateColumns="repeat(auto-fit, minmax(20rem, 1fr))" columnGap="space.400" rowGap="space.200">
        {EVENT_KIND_GROUPS.map((group) => (
          <EventGroup key={group.label} label={group.label}>
            {group.kinds.map((kind) => (
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
            {group.kinds.map((kind) => NOTES[kind] && <HelperMessage key={kind}>{NOTES[kind]}</HelperMessage>)}
          </EventGroup>
        ))}
      </Grid>
      {error && (
        <Box testId="connection-events-error">
          <ErrorMessage>{error}</ErrorMessage>
        </Box>
      )}
    </Fieldset>
  );
}
