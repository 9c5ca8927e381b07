import type { DateTimePickerProps } from '@atlaskit/datetime-picker';
import { HALF_HOURS, parseTypedTime, typedTimeValue } from '../format/picker-times';

interface MenuOption {
  label: string;
  value: string;
}

/** The viewer's locale, as formatTime uses it: the pickers show dates and times the way the log does. */
export const PICKER_LOCALE = typeof navigator === 'undefined' ? 'en-US' : navigator.language || 'en-US';

/**
 * The time half of a DateTimePicker: every half hour in the menu, and any typed time ("23:00", "7:15 PM")
 * offered as "Use …" when the menu has no such entry.
 */
export function timePickerProps(label: string): NonNullable<DateTimePickerProps['timePickerProps']> {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  return {
    label,
    placeholder: 'Time',
    times: [...HALF_HOURS],
    timeIsEditable: true,
    parseInputValue: (text: string) => parseTypedTime(text),
    selectProps: {
      formatCreateLabel: (text: string) => `Use ${text.trim()}`,
      // Only a time the parser understands, and not the text of a menu entry (which the menu shows itself).
      isValidNewOption: (text: string, _selected: unknown, options: readonly MenuOption[]) =>
        typedTimeValue(text) !== undefined && !options.some((option) => same(option.value, text) || same(option.label, text)),
      noOptionsMessage: () => 'Type a time such as 7:15 PM or 19:15',
    },
  };
}
