import { useCallback, useState } from 'react';
import type { PageFlag } from '../components/PageFlags';

let nextId = 0;

/** The page's flag stack: add one after an action, Atlaskit dismisses it after a few seconds. */
export function useFlags(): { flags: PageFlag[]; add: (flag: Omit<PageFlag, 'id'>) => void; dismiss: (id: number) => void } {
  const [flags, setFlags] = useState<PageFlag[]>([]);
  const add = useCallback((flag: Omit<PageFlag, 'id'>) => {
    nextId += 1;
    const id = nextId;
    // Newest first: FlagGroup shows the first flag on top.
    setFlags((previous) => [{ ...flag, id }, ...previous]);
  }, []);
  const dismiss = useCallback((id: number) => setFlags((previous) => previous.filter((f) => f.id !== id)), []);
  return { flags, add, dismiss };
}
