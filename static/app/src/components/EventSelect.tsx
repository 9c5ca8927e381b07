import Select from '@atlaskit/select';
import { EVENT_KINDS, EVENT_KIND_LABELS, type EventKind } from '../../../../src/shared/events';
import type { FieldAria } from './FormField';

interface Option {
  label: string;
  value: EventKind;
}

const OPTIONS: Option[] = EVENT_KINDS.map((kind) => ({ label: EVENT_KIND_LABELS[kind], value: kind }));

export function EventSelect({ aria, value, onChange, testId = 'send-event' }: { aria: FieldAria; value: EventKind; onChange: (kind: EventKind) => void; testId?: string }) {
  return (
    <Select<Option>
      inputId={aria.id}
      aria-describedby={aria['aria-describedby']}
      isInvalid={aria.isInvalid}
      options={OPTIONS}
      value={OPTIONS.find((o) => o.value === value)}
      onChange={(option) => {
        if (option) onChange(option.value);
      }}
      testId={testId}
    />
  );
}
