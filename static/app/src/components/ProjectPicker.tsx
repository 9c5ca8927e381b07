import { useCallback, useRef } from 'react';
import { AsyncSelect } from '@atlaskit/select';
import { searchProjects } from '../api/search-projects';
import type { FieldAria } from './FormField';

interface Option {
  label: string;
  value: string;
}

interface Props {
  aria: FieldAria;
  value: string[];
  onChange: (keys: string[]) => void;
}

const toOption = (p: { key: string; name: string }): Option => ({ value: p.key, label: `${p.name} (${p.key})` });

/** Searches Jira's projects as the admin types (`projects/search`); the form keeps only the keys. */
export function ProjectPicker({ aria, value, onChange }: Props) {
  // Keys loaded from a saved connection have no names until a search returns them.
  const names = useRef(new Map<string, string>());

  const load = useCallback(async (query: string): Promise<Option[]> => {
    const result = await searchProjects(query.trim());
    if (!result.ok) throw new Error(result.error.message);
    result.data.projects.forEach((p) => names.current.set(p.key, p.name));
    return result.data.projects.map(toOption);
  }, []);

  const selected = value.map((key) => {
    const name = names.current.get(key);
    return name ? toOption({ key, name }) : { value: key, label: key };
  });

  return (
    <AsyncSelect<Option, true>
      inputId={aria.id}
      aria-describedby={aria['aria-describedby']}
      isInvalid={aria.isInvalid}
      isMulti
      cacheOptions
      defaultOptions
      loadOptions={load}
      value={selected}
      onChange={(options) => onChange(options.map((o) => o.value))}
      placeholder="Search projects"
      noOptionsMessage={({ inputValue }) => (inputValue ? `No projects match “${inputValue}”` : 'No projects found')}
      loadingMessage={() => 'Searching projects…'}
      testId="connection-project-keys"
    />
  );
}
