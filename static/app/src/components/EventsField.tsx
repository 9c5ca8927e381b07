import Checkbox from '@atlaskit/checkbox';
import { Field, Fieldset } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import { EVENT_KINDS, EVENT_KIND_LABELS, type EventKind } from '../../../../src/shared/events';
import { FieldMessages } from './FieldMessages';

/** Keeps the submitted list in the canonical order, whatever order the boxes were ticked in. */
function toggled(selected: EventKind[], kind: EventKind, checked: boolean): EventKind[] {
  return EVENT_KINDS.filter((k) => (k === kind ? checked : selected.includes(k)));
}

/** One form field (`events`) holding the whole list, so a resolver error lands in one place. */
export function EventsField({ defaultValue }: { defaultValue: EventKind[] }) {
  return (
    <Fieldset legend="Events">
      <Field<EventKind[]> name="events" defaultValue={defaultValue}>
        {({ fieldProps, error }) => (
          <>
            <Stack space="space.025">
              {EVENT_KINDS.map((kind) => (
                <Checkbox
                  key={kind}
                  name="events"
                  value={kind}
                  label={EVENT_KIND_LABELS[kind]}
                  isChecked={fieldProps.value.includes(kind)}
                  isInvalid={fieldProps.isInvalid}
                  onChange={(event) => fieldProps.onChange(toggled(fieldProps.value, kind, event.currentTarget.checked))}
                  testId={`event-${kind}`}
                />
              ))}
            </Stack>
            <FieldMessages
              helper="An assignment is sent once: as “Issue assigned” when that is selected, otherwise as “Issue updated”."
              error={error}
            />
          </>
        )}
      </Field>
    </Fieldset>
  );
}
