import { useCallback, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import EmptyState from '@atlaskit/empty-state';
import { Fieldset } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { RadioGroup } from '@atlaskit/radio';
import type { AccessReport, UserSummary } from '../../../../src/shared/contract';
import type { AccessScope } from '../api/check-access';
import { saveTextFile } from '../browser/save-text-file';
import { accessCsv, accessCsvFileName } from '../format/access-csv';
import { useAccessCheck } from '../hooks/use-access-check';
import { AccessSummary } from './AccessSummary';
import { AccessTable } from './AccessTable';
import { AccountPicker } from './AccountPicker';
import { ConnectorSetup } from './ConnectorSetup';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { FormField } from './FormField';
import { LoadingState } from './LoadingState';

const SCOPES: { value: AccessScope; label: string }[] = [
  { value: 'all', label: 'All projects' },
  { value: 'covered', label: 'Only projects a connection covers' },
];

const isScope = (value: string): value is AccessScope => SCOPES.some((s) => s.value === value);

const accountFieldStyles = xcss({ width: '100%', maxWidth: '480px' });
const introStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'dashed',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
});

interface Props {
  siteUrl?: string;
  forbiddenMessage: string;
}

function Results({ report, siteUrl }: { report: AccessReport; siteUrl?: string }) {
  if (report.projects.length === 0) {
    return (
      <Box testId="access-empty">
        <EmptyState
          header="No projects to check"
          description={
            report.scope === 'covered'
              ? 'No enabled connection covers a project yet. Check all projects instead, or choose projects for a connection.'
              : 'This site has no projects yet.'
          }
          headingLevel={3}
        />
      </Box>
    );
  }
  return (
    <Stack space="space.300">
      <AccessSummary report={report} />
      <Stack space="space.100">
        <Inline spread="space-between" alignBlock="center">
          <Heading size="small" as="h3">
            Projects
          </Heading>
          <Button onClick={() => saveTextFile(accessCsvFileName(report), accessCsv(report))} testId="download-access-csv">
            Download CSV
          </Button>
        </Inline>
        <AccessTable projects={report.projects} />
      </Stack>
      <ConnectorSetup account={report.account} siteUrl={siteUrl} />
    </Stack>
  );
}

/** The "Jira API access" section's body: pick the account, check it, read the gaps and the connector values. */
export function AccessCheck({ siteUrl, forbiddenMessage }: Props) {
  const [account, setAccount] = useState<UserSummary>();
  const [scope, setScope] = useState<AccessScope>('all');
  const [pickError, setPickError] = useState<string>();
  const [searchError, setSearchError] = useState<string>();
  const access = useAccessCheck();
  const onSearchError = useCallback((message: string | undefined) => setSearchError(message), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!account) {
      setPickError('Pick an account to check.');
      return;
    }
    setPickError(undefined);
    access.check(account.accountId, scope);
  };

  // The backend names the account field when the id is not an account on this site.
  const fieldError = access.error?.field === 'accountId' ? access.error.message : undefined;
  const pageError = access.error && !fieldError ? access.error : undefined;

  return (
    <Stack space="space.300">
      <form onSubmit={submit} noValidate data-testid="access-form">
        <Stack space="space.200">
          <Inline space="space.400" alignBlock="start" shouldWrap>
            <Box xcss={accountFieldStyles}>
              <FormField
                id="access-account"
                label="Agent Studio’s Atlassian account"
                isRequired
                error={pickError ?? fieldError ?? searchError}
                helper="The account whose email and API token the HTTP connector signs in with."
              >
                {(aria) => (
                  <AccountPicker
                    aria={aria}
                    value={account}
                    onChange={(user) => {
                      setAccount(user);
                      if (user) setPickError(undefined);
                    }}
                    onSearchError={onSearchError}
                  />
                )}
              </FormField>
            </Box>
            <Fieldset legend="Projects to check">
              <RadioGroup
                name="access-scope"
                options={SCOPES.map((s) => ({ ...s, name: 'access-scope', testId: `access-scope-${s.value}` }))}
                value={scope}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  if (isScope(value)) setScope(value);
                }}
              />
            </Fieldset>
          </Inline>
          <Box>
            <Button type="submit" appearance="primary" isLoading={access.checking} testId="check-access">
              Check access
            </Button>
          </Box>
        </Stack>
      </form>
      {pageError && <ErrorSectionMessage error={pageError} forbiddenMessage={forbiddenMessage} title="Access could not be checked" testId="access-error" />}
      {access.checking && !access.report && <LoadingState label="Checking access in every project" />}
      {!access.report && !access.checking && !access.error && (
        <Box padding="space.300" xcss={introStyles} testId="access-intro">
          <Text as="p" color="color.text.subtle" align="center">
            Pick the account and check it to see, project by project, what it can’t do yet and how to fix it, with the values for Agent Studio’s HTTP
            connector.
          </Text>
        </Box>
      )}
      {access.report && (
        <Box aria-busy={access.checking}>
          <Results report={access.report} siteUrl={siteUrl} />
        </Box>
      )}
    </Stack>
  );
}
