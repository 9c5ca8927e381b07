import { useEffect, useState } from 'react';
import Textfield from '@atlaskit/textfield';
import { FilterField } from './FilterField';

/** Long enough that typing "SUP-12" asks the backend once, short enough to feel live. */
const DEBOUNCE_MS = 400;

interface Props {
  value: string | undefined;
  onChange: (issueKey: string | undefined) => void;
}

export function IssueKeyFilter({ value, onChange }: Props) {
  const [text, setText] = useState(value ?? '');

  useEffect(() => {
    const key = text.trim().toUpperCase() || undefined;
    if (key === value) return undefined;
    const timer = setTimeout(() => onChange(key), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, value, onChange]);

  return (
    <FilterField id="filter-issue" label="Issue key" width="8.5rem">
      <Textfield
        id="filter-issue"
        value={text}
        placeholder="e.g. SUP-1"
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setText(event.currentTarget.value)}
        testId="filter-issue"
      />
    </FilterField>
  );
}
