import { CreatableSelect } from '@atlaskit/select';
import type { FieldAria } from './FormField';

interface Option {
  label: string;
  value: string;
}

interface Props {
  aria: FieldAria;
  value: string[];
  onChange: (value: string[]) => void;
  /** Offered in the menu before the admin types anything; any other entry can be typed. */
  suggestions?: readonly string[];
  placeholder: string;
  testId: string;
  /** Names (issue types, SLAs): case-insensitive duplicates are dropped and spaces do not split. Field ids are case-sensitive. */
  ignoreCase?: boolean;
}

const toOption = (value: string): Option => ({ value, label: value });

/** Splits what was typed or pasted on commas and spaces, so "status, assignee" adds two entries. */
function entriesOf(text: string, splitOnSpaces: boolean): string[] {
  return text
    .split(splitOnSpaces ? /[,\s]+/ : /,/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * A multi-select of free text entries (field ids, issue type names) with suggestions, like Jira's label
 * picker: type and press Enter or comma; Backspace removes the last entry.
 */
export function CreatableListSelect({ aria, value, onChange, suggestions = [], placeholder, testId, ignoreCase = false }: Props) {
  const same = (a: string, b: string) => (ignoreCase ? a.toLowerCase() === b.toLowerCase() : a === b);
  const add = (entries: string[]) => {
    const next = [...value];
    entries.forEach((entry) => {
      if (!next.some((existing) => same(existing, entry))) next.push(entry);
    });
    onChange(next);
  };
  // Names hold spaces ("Service request", "Time to resolution"): only field ids split on them.
  const splitOnSpaces = !ignoreCase;
  return (
    <CreatableSelect<Option, true>
      inputId={aria.id}
      aria-describedby={aria['aria-describedby']}
      isInvalid={aria.isInvalid}
      isMulti
      isClearable={false}
      options={suggestions.filter((s) => !value.some((v) => same(v, s))).map(toOption)}
      value={value.map(toOption)}
      onChange={(options) => onChange(options.map((o) => o.value))}
      onCreateOption={(text) => add(entriesOf(text, splitOnSpaces))}
      onInputChange={(text, meta) => {
        // A comma ends an entry, as in Jira's label field.
        if (meta.action === 'input-change' && text.endsWith(',')) {
          add(entriesOf(text, splitOnSpaces));
          return '';
        }
        return text;
      }}
      formatCreateLabel={(text) => `Add “${text.trim()}”`}
      isValidNewOption={(text) => entriesOf(text, splitOnSpaces).some((entry) => !value.some((v) => same(v, entry)))}
      noOptionsMessage={() => 'Type a value and press Enter'}
      placeholder={placeholder}
      testId={testId}
    />
  );
}
