import { Inline, Text } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import type { UserSummary } from '../../../../src/shared/contract';
import { useUserSearch } from '../hooks/use-user-search';
import { AccountMenuOption } from './AccountMenuOption';
import type { FieldAria } from './FormField';

interface Props {
  aria: FieldAria;
  value?: UserSummary;
  onChange: (user: UserSummary | undefined) => void;
  /** A failed search, shown under the field by the caller. */
  onSearchError: (message: string | undefined) => void;
}


const labelOf = (user: UserSummary): string => (user.emailAddress ? `${user.displayName} (${user.emailAddress})` : user.displayName);

/** Searches Atlassian accounts by name or email (`users/search`); shows the email when Jira shares it. */
export function AccountPicker({ aria, value, onChange, onSearchError }: Props) {
  const load = useUserSearch(onSearchError);

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
          <AccountMenuOption user={user} />
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
