import { lazy, Suspense } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Stack, Text } from '@atlaskit/primitives';

// The account picker (react-select), the table and the connector panel load after the page's first paint.
const AccessCheck = lazy(() => import('./AccessCheck').then((m) => ({ default: m.AccessCheck })));

interface Props {
  siteUrl?: string;
  forbiddenMessage: string;
}

/** "Jira API access": can the account Agent Studio's HTTP connector uses work on issues in every project? */
export function AccessSection({ siteUrl, forbiddenMessage }: Props) {
  return (
    <Box as="section" aria-labelledby="access-heading" testId="access-section">
      <Stack space="space.200">
        <Stack space="space.050">
          <Heading size="medium" as="h2" id="access-heading">
            Jira API access
          </Heading>
          <Text as="p" color="color.text.subtle">
            Agent Studio’s HTTP actions call Jira’s REST API as one Atlassian account. Check that it can browse, create, edit, transition, assign,
            comment on and delete issues, and administer each project its plugins act on.
          </Text>
        </Stack>
        {/* The placeholder keeps the form's height, so the sections below do not jump when it arrives. */}
        <Suspense fallback={<div style={{ minHeight: '9rem' }} />}>
          <AccessCheck siteUrl={siteUrl} forbiddenMessage={forbiddenMessage} />
        </Suspense>
      </Stack>
    </Box>
  );
}
