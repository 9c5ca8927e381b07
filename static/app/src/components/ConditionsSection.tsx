import { useCallback, useState } from 'react';
import { HelperMessage } from '@atlaskit/form';
import { Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { ConnectionFormState } from '../hooks/use-connection-form';
import { AccountsPicker } from './AccountsPicker';
import { CreatableListSelect } from './CreatableListSelect';
import { FormField } from './FormField';

const COMMON_CHANGED_FIELDS = ['status', 'assignee', 'priority', 'summary', 'labels'];
const COMMON_ISSUE_TYPES = ['Bug', 'Task', 'Story', 'Epic', 'Incident', 'Service request', 'Problem', 'Change'];

/** The "Conditions" tab: an event is sent only when every condition that is set holds. */
export function ConditionsSection({ form }: { form: ConnectionFormState }) {
  const { values, errors, set } = form;
  const [searchError, setSearchError] = useState<string>();
  const onSearchError = useCallback((message: string | undefined) => setSearchError(message), []);
  return (
    <Stack space="space.250">
      <Text as="p" color="color.text.subtle">
        Leave a condition empty to skip it. When several are set, an event is sent only if it meets all of them.
      </Text>
      <FormField
        id="connection-jql"
        label="JQL"
        error={errors.jql}
        helper={
          <>
            Checked with Jira for every event, e.g. <span style={{ font: token('font.code') }}>project = SUP AND priority = Highest</span>
          </>
        }
      >
        {(aria) => (
          <Textfield
            {...aria}
            value={values.jql}
            maxLength={2000}
            isMonospaced
            autoComplete="off"
            spellCheck={false}
            placeholder="project = SUP AND priority = Highest"
            onChange={(e) => set('jql', e.currentTarget.value)}
            testId="connection-jql"
          />
        )}
      </FormField>
      <FormField id="connection-issue-types" label="Issue types" error={errors.issueTypes} helper="Only issues of these types, by name as Jira shows it.">
        {(aria) => (
          <CreatableListSelect
            aria={aria}
            value={values.issueTypes}
            onChange={(v) => set('issueTypes', v)}
            suggestions={COMMON_ISSUE_TYPES}
            placeholder="Any issue type"
            testId="connection-issue-types"
            ignoreCase
          />
        )}
      </FormField>
      <FormField
        id="connection-changed-fields"
        label="Only when these fields changed"
        error={errors.changedFields}
        helper="For issue updates: sent only when one of these fields changed. Field ids, e.g. status or customfield_10010. Other events are not affected."
      >
        {(aria) => (
          <CreatableListSelect
            aria={aria}
            value={values.changedFields}
            onChange={(v) => set('changedFields', v)}
            suggestions={COMMON_CHANGED_FIELDS}
            placeholder="Any change"
            testId="connection-changed-fields"
          />
        )}
      </FormField>
      <FormField
        id="connection-ignore-accounts"
        label="Ignore changes made by"
        error={errors.ignoreAccounts ?? searchError}
        helper="Events caused by these accounts are not sent. Add the account Agent Studio uses to update Jira, so its own changes do not come back to it in a loop."
      >
        {(aria) => <AccountsPicker aria={aria} value={values.ignoreAccounts} onChange={(v) => set('ignoreAccounts', v)} onSearchError={onSearchError} testId="connection-ignore-accounts" />}
      </FormField>
      <HelperMessage>Conditions apply to new events; deliveries already in the log are not affected.</HelperMessage>
    </Stack>
  );
}
