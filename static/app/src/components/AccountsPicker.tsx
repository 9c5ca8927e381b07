import { useCallback, useEffect, useRef } from 'react';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import type { UserSummary } from '../../../../src/shared/contract';
import { searchUsers } from '../api/search-users';
import { isUnnamed, rememberAccounts } from '../model/connection-form-values';
import type { FieldAria } from './FormField';

interface Props {
  aria: FieldAria;
  value: UserSummary[];
  onChange: (users: UserSummary[]) => void;
  onSearchError: (message: string | undefined) => void;
  testId: string;
}

const DEBOUNCE_MS = 250;

/** Several Atlassian accounts by name or email (`users/search`, debounced); chips show the names. */
export function AccountsPicker({ aria, value, onChange, onSearchError, testId }: Props) {
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
    <AsyncSelect<UserSummary, true>
      inputId={aria.id}
      aria-describedby={aria['aria-describedby']}
      isInvalid={aria.isInvalid}
      isMulti
      isClearable={false}
      cacheOptions
      loadOptions={load}
      filterOption={null}
      value={value}
      onChange={(users) => {
        rememberAccounts([...users]);
        onChange([...users]);
      }}
      getOptionValue={(user) => user.accountId}
      getOptionLabel={(user) => user.displayName}
      formatOptionLabel={(user, { context }) =>
        context === 'menu' ? (
          <Stack>
            <Text>{user.displayName}</Text>
            <Text size="small" color="color.text.subtlest">
              {user.emailAddress ?? 'Email hidden by the account’s profile settings'}
            </Text>
          </Stack>
        ) : (
          <Inline space="space.050" alignBlock="baseline">
            <span title={isUnnamed(user) ? 'Picked in another browser: search for the name to show it here' : user.accountId}>{user.displayName}</span>
          </Inline>
        )
      }
      placeholder="Search by name or email"
      noOptionsMessage={({ inputValue }) => (inputValue.trim() ? `No accounts match “${inputValue.trim()}”` : 'Type part of a name or email')}
      loadingMessage={() => 'Searching accounts…'}
      testId={testId}
    />
  );
}
