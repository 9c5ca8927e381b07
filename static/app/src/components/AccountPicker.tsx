import { useCallback, useEffect, useRef } from 'react';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import type { UserSummary } from '../../../../src/shared/contract';
import { searchUsers } from '../api/search-users';
import type { FieldAria } from './FormField';

interface Props {
  aria: FieldAria;
  value?: UserSummary;
  onChange: (user: UserSummary | undefined) => void;
  /** A failed search, shown under the field by the caller. */
  onSearchError: (message: string | undefined) => void;
}

/** Typing pauses this long before a search, so Jira is not asked once per keystroke. */
const DEBOUNCE_MS = 250;

const labelOf = (user: UserSummary): string => (user.emailAddress ? `${user.displayName} (${user.emailAddress})` : user.displayName);

/** Searches Atlassian accounts by name or email (`users/search`); shows the email when Jira shares it. */
export function AccountPicker({ aria, value, onChange, onSearchError }: Props) {
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; resolve: (users: UserSummary[]) => void }>();
  useEffect(() => () => clearTimeout(pending.current?.timer), []);

  const load = useCallback(
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

  return (
    <AsyncSelect<UserSummary, false>
      inputId={aria.id}
      aria-describedby={aria['aria-describedby']}
      isInvalid={aria.isInvalid}
      isClearable
      cacheOptions
      loadOptions={load}
      // Jira already matched names and emails; the select must not filter its answer again.
      filterOption={null}
      value={value ?? null}
      onChange={(user) => onChange(user ?? undefined)}
      getOptionValue={(user) => user.accountId}
      getOptionLabel={labelOf}
      formatOptionLabel={(user, { context }) =>
        context === 'menu' ? (
          <Stack>
            <Text>{user.displayName}</Text>
            <Text size="small" color="color.text.subtlest">
              {user.emailAddress ?? 'Email hidden by the account’s profile settings'}
            </Text>
          </Stack>
        ) : (
          <Inline space="space.075" alignBlock="baseline">
            <Text>{user.displayName}</Text>
            {user.emailAddress && (
              <Text size="small" color="color.text.subtlest">
                {user.emailAddress}
              </Text>
            )}
          </Inline>
        )
      }
      placeholder="Search by name or email"
      noOptionsMessage={({ inputValue }) => (inputValue.trim() ? `No accounts match “${inputValue.trim()}”` : 'Type part of a name or email')}
      loadingMessage={() => 'Searching accounts…'}
      testId="access-account"
    />
  );
}
