import { Inline } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import type { UserSummary } from '../../../../src/shared/contract';
import { useUserSearch } from '../hooks/use-user-search';
import { AccountMenuOption } from './AccountMenuOption';
import { isUnnamed } from '../model/connection-form-values';
import type { FieldAria } from './FormField';

interface Props {
  aria: FieldAria;
  value: UserSummary[];
  onChange: (users: UserSummary[]) => void;
  onSearchError: (message: string | undefined) => void;
  testId: string;
}


/** Several Atlassian accounts by name or email (`users/search`, debounced); chips show the names. */
export function AccountsPicker({ aria, value, onChange, onSearchError, testId }: Props) {
  const load = useUserSearch(onSearchError);

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
      onChange={(users) => onChange([...users])}
      getOptionValue={(user) => user.accountId}
      getOptionLabel={(user) => user.displayName}
      formatOptionLabel={(user, { context }) =>
        context === 'menu' ? (
          <AccountMenuOption user={user} />
        ) : (
          <Inline space="space.050" alignBlock="baseline">
            <span title={isUnnamed(user) ? 'Jira did not give this account’s name' : user.accountId}>{user.displayName}</span>
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
