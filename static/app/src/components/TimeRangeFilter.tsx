import { DateTimePicker } from '@atlaskit/datetime-picker';
import { Inline } from '@atlaskit/primitives';
import { FilterField } from './FilterField';
import { PICKER_LOCALE, timePickerProps } from './picker-props';
import { pickedInstant } from '../format/picker-times';

interface Props {
  from: string | undefined;
  to: string | undefined;
  onChange: (range: { from?: string; to?: string }) => void;
}


export function TimeRangeFilter({ from, to, onChange }: Props) {
  return (
    <Inline space="space.150" shouldWrap>
      <FilterField id="filter-from" label="From" width="15rem">
        <DateTimePicker
          id="filter-from"
          value={from ?? ''}
          onChange={(value) => onChange({ from: pickedInstant(value), to })}
          clearControlLabel="Clear start time"
          datePickerProps={{ label: 'From date', placeholder: 'Date', shouldShowCalendarButton: true }}
          timePickerProps={timePickerProps('From time')}
          locale={PICKER_LOCALE}
          testId="filter-from"
        />
      </FilterField>
      <FilterField id="filter-to" label="To" width="15rem">
        <DateTimePicker
          id="filter-to"
          value={to ?? ''}
          onChange={(value) => onChange({ from, to: pickedInstant(value) })}
          clearControlLabel="Clear end time"
          datePickerProps={{ label: 'To date', placeholder: 'Date', shouldShowCalendarButton: true }}
          timePickerProps={timePickerProps('To time')}
          locale={PICKER_LOCALE}
          testId="filter-to"
        />
      </FilterField>
    </Inline>
  );
}
