import type { ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import type { UserSummary } from '../../../../src/shared/contract';
import { CopyButton } from './CopyButton';

export const API_TOKENS_URL = 'https://id.atlassian.com/manage-profile/security/api-tokens';
/**
 * Atlassian service accounts (…@serviceaccount.atlassian.com) cannot sign in; their API tokens are scoped,
 * created in admin.atlassian.com, and work only through api.atlassian.com/ex/jira/{cloudId}
 * (support.atlassian.com, "Manage API tokens for service accounts").
 */
const SERVICE_ACCOUNT_DOMAIN = '@serviceaccount.atlassian.com';
const SERVICE_ACCOUNT_BASE = 'https://api.atlassian.com/ex/jira/<cloud-id>';

interface Props {
  account: UserSummary;
  /** This site's URL from the Forge context; unknown if the context did not carry it. */
  siteUrl?: string;
}

const panelStyles = xcss({
  borderColor: 'color.border',
  borderStyle: 'solid',
  borderWidth: 'border.width',
  borderRadius: 'radius.medium',
});

const labelStyles = xcss({ width: '9rem', flexShrink: 0 });
const valueStyles = xcss({ flexGrow: 1, minWidth: '0' });
const listStyles = xcss({ listStyle: 'none', margin: 'space.0' });

const CODE_STYLE = { font: token('font.code'), overflowWrap: 'anywhere' } as const;
const PRE_STYLE = {
  ...CODE_STYLE,
  margin: 0,
  padding: `${token('space.100')} ${token('space.150')}`,
  background: token('color.background.neutral'),
  borderRadius: token('radius.small'),
  whiteSpace: 'pre-wrap',
  flex: '1 1 auto',
} as const;
// Underlined: a link inside a sentence must not rely on colour alone.
const LINK_STYLE = { color: token('color.link'), textDecoration: 'underline', overflowWrap: 'anywhere' } as const;

/** A labelled value, as in Jira's issue details: the label on the left, the value (and a copy button) on the right. */
function Setting({ label, children, copy, testId }: { label: string; children: ReactNode; copy?: { text: string; label: string }; testId: string }) {
  return (
    <Box as="li" paddingBlock="space.075">
      <Inline space="space.200" alignBlock="baseline">
        <Box xcss={labelStyles}>
          <Text weight="medium" color="color.text.subtle">
            {label}
          </Text>
        </Box>
        <Box xcss={valueStyles} testId={testId}>
          {children}
        </Box>
        {copy && <CopyButton text={copy.text} label={copy.label} testId={`copy-${testId}`} />}
      </Inline>
    </Box>
  );
}

/**
 * What to type into Agent Studio's HTTP connector so its actions can call this site's REST API as the
 * checked account. The API token stays between the admin, id.atlassian.com and Agent Studio.
 */
export function ConnectorSetup({ account, siteUrl }: Props) {
  const email = account.emailAddress;
  const serviceAccount = email?.toLowerCase().endsWith(SERVICE_ACCOUNT_DOMAIN) ?? false;
  const site = siteUrl ?? 'https://<your-site>.atlassian.net';
  const base = serviceAccount ? SERVICE_ACCOUNT_BASE : site;
  const curl = `curl -u "${email ?? '<email>'}:<api-token>" "${base}/rest/api/3/project/search"`;
  return (
    <Box as="section" aria-labelledby="connector-heading" padding="space.300" xcss={panelStyles} testId="connector-setup">
      <Stack space="space.200">
        <Stack space="space.050">
          <Heading size="small" as="h3" id="connector-heading">
            Set up Agent Studio’s HTTP connector
          </Heading>
          <Text as="p" color="color.text.subtle">
            Enter these values in the HTTP connector in Agent Studio, so its actions call Jira as {account.displayName}.
          </Text>
        </Stack>
        <Box as="ul" padding="space.0" xcss={listStyles}>
          {serviceAccount ? (
            <Setting label="Base URL" testId="connector-base-url">
              <Stack space="space.050">
                <span style={CODE_STYLE}>{SERVICE_ACCOUNT_BASE}</span>
                <Text as="p" color="color.text.subtle">
                  A service account’s token works only through api.atlassian.com. Replace &lt;cloud-id&gt; with this site’s cloud id, shown at{' '}
                  <a href={`${site}/_edge/tenant_info`} target="_blank" rel="noopener noreferrer" style={LINK_STYLE}>
                    {`${site}/_edge/tenant_info`}
                  </a>
                  .
                </Text>
              </Stack>
            </Setting>
          ) : (
            <Setting label="Base URL" testId="connector-base-url" copy={siteUrl ? { text: siteUrl, label: 'the base URL' } : undefined}>
              {siteUrl ? <span style={CODE_STYLE}>{siteUrl}</span> : <Text>This site’s URL, for example https://your-site.atlassian.net</Text>}
            </Setting>
          )}
          <Setting label="Auth type" testId="connector-auth-type">
            <Text>Basic</Text>
          </Setting>
          <Setting label="Username" testId="connector-username" copy={email ? { text: email, label: 'the username' } : undefined}>
            {email ? (
              <span style={CODE_STYLE}>{email}</span>
            ) : (
              <Text>
                The account’s email address <Text color="color.text.subtle">(Jira does not show it to apps for this account)</Text>
              </Text>
            )}
          </Setting>
          <Setting label="Password" testId="connector-password">
            {serviceAccount ? (
              <Text as="p">
                An API token of this service account, with the scopes its actions need (for example read:jira-work and write:jira-work):
                in admin.atlassian.com, open Directory → Service accounts → {account.displayName} → Create credentials → API token, and paste
                it into Agent Studio. Agent Studio Relay never asks for this token and does not store it.
              </Text>
            ) : (
              <Text as="p">
                An API token of this account: sign in as {account.displayName}, create one at{' '}
                <a href={API_TOKENS_URL} target="_blank" rel="noopener noreferrer" style={LINK_STYLE}>
                  {API_TOKENS_URL}
                </a>
                , and paste it into Agent Studio. Agent Studio Relay never asks for this token and does not store it.
              </Text>
            )}
          </Setting>
        </Box>
        <Stack space="space.100">
          <Heading size="xsmall" as="h4">
            Try it from a terminal
          </Heading>
          <Text as="p" color="color.text.subtle">
            Replace {email ? '' : '<email> and '}
            {serviceAccount ? '<cloud-id> and ' : ''}&lt;api-token&gt;, then run it. A list of projects means the username and token work; it shows only the projects the account can see.
          </Text>
          <Inline space="space.100" alignBlock="start">
            <pre style={PRE_STYLE} data-testid="connector-curl">
              {curl}
            </pre>
            <CopyButton text={curl} label="the curl command" testId="copy-connector-curl" />
          </Inline>
        </Stack>
        <SectionMessage appearance="warning" title="Add the account to every project the plugins act on" testId="connector-warning">
          <p>
            Jira administrators don’t automatically see every project. Add {account.displayName} to each project Agent Studio’s plugins act on
            (Project settings → Access), or its actions fail there. The table above shows where it’s missing.
          </p>
        </SectionMessage>
      </Stack>
    </Box>
  );
}
