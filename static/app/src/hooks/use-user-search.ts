import { useCallback, useEffect, useRef } from 'react';
import type { UserSummary } from '../../../../src/shared/contract';
import { searchUsers } from '../api/search-users';

/** Typing pauses this long before a search, so Jira is not asked once per keystroke. */
const DEBOUNCE_MS = 250;

/**
 * `loadOptions` for an account picker: searches `users/search` by name or email, debounced, and answers
 * only the newest search. A failed search is reported through `onSearchError` (undefined clears it).
 */
export function useUserSearch(onSearchError: (message: string | undefined) => void): (input: string) => Promise<UserSummary[]> {
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; resolve: (users: UserSummary[]) => void }>();
  useEffect(() => () => clearTimeout(pending.current?.timer), []);

  return useCallback(
    (input: string): Promise<UserSummary[]> => {
      // Only the newest search matters: an older one still waiting answers with nothing.
      if (pending.current) {
        clearTimeout(pending.current.timer);
        pending.current.resolve([]);
      }
      const query = input.trim();
      if (!query) return Promise.resolve([]);
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          pending.current = undefined;
          void searchUsers(query).then((result) => {
            onSearchError(result.ok ? undefined : result.error.message);
            resolve(result.ok ? result.data.users : []);
          });
        }, DEBOUNCE_MS);
        pending.current = { timer, resolve };
      });
    },
    [onSearchError],
  );
}
