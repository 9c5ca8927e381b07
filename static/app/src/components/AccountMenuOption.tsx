import { Stack, Text } from '@atlaskit/primitives';
import type { UserSummary } from '../../../../src/shared/contract';

/** An account in a picker's menu: the name, and the email when Jira shares it. */
export function AccountMenuOption({ user }: { user: UserSummary }) {
  return (
    <Stack>
      <Text>{user.displayName}</Text>
      <Text size="small" color="color.text.subtlest">
        {user.emailAddress ?? 'Email hidden by the account’s profile settings'}
      </Text>
    </Stack>
  );
}
