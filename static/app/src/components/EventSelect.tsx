import Select, { type GroupType } from '@atlaskit/select';
import { EVENT_KIND_GROUPS, EVENT_KIND_LABELS, type EventKind } from '../../../../src/shared/events';
import type { FieldAria } from './FormField';

interface Option {
  label: string;
  value: EventKind;
}

// Grouped as the connection's event checkboxes are, so the 17 kinds are found in the same places.
const GROUPS: GroupType<Option>[] = EVENT_KIND_GROUPS.map((group) => ({
  label: group.label,
  options: group.kinds.map((kind) => ({ label: EVENT_KIND_LABELS[kind], value: kind })),
}));
const OPTIONS: Option[] = GROUPS.flatMap((group) => group.options);

export function EventSelect({ aria, value, onChange, testId = 'send-event' }: { aria: FieldAria; value: EventKind; onChange: (kind: EventKind) => void; testId?: string }) {
  return (
    <Select<Option>
      inputId={aria.id}
      aria-describedby={aria['aria-describedby']}
      isInvalid={aria.isInvalid}
      options={GROUPS}
      value={OPTIONS.find((o) => o.value === value)}
      onChange={(option) => {
        if (option) onChange(option.value);
      }}
      // Escape with the menu open closes the menu only: it does not reach the dialog around the select.
      shouldPreventEscapePropagation
      testId={testId}
    />
  );
}
