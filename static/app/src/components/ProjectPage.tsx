import { lazy, Suspense, useState } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Stack } from '@atlaskit/primitives';
import type { ResolverError } from '../../../../src/shared/contract';
import { projectDeliverySource } from '../api/delivery-source';
import { getProjectOverview } from '../api/get-project-overview';
import { setProjectOptIn } from '../api/set-project-opt-in';
import { useFlags } from '../hooks/use-flags';
import { useResolverData } from '../hooks/use-resolver-data';
import { DeliveriesSection } from './DeliveriesSection';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { VisibleAlert } from './VisibleAlert';
import { LoadingState } from './LoadingState';
import { PageHeader } from './PageHeader';
import { PageLayout } from './PageLayout';
import { ProjectConnectionList } from './ProjectConnectionList';

const PageFlags = lazy(() => import('./PageFlags').then((m) => ({ default: m.PageFlags })));

const FORBIDDEN = 'You need the Administer Projects permission for this project.';

export function ProjectPage({ projectKey }: { projectKey: string | undefined }) {
  const overview = useResolverData(getProjectOverview);
  const [savingId, setSavingId] = useState<string>();
  const [optInError, setOptInError] = useState<ResolverError>();
  const key = overview.data?.project.key ?? projectKey;
  const flags = useFlags();

  const changeOptIn = async (connectionId: string, optedIn: boolean) => {
    setSavingId(connectionId);
    setOptInError(undefined);
    const result = await setProjectOptIn(connectionId, optedIn);
    // On failure the toggle keeps the stored value, which is still the truth.
    if (result.ok) {
      overview.setData(result.data);
      const name = result.data.connections.find((c) => c.id === connectionId)?.name ?? 'the listener';
      flags.add({ appearance: 'success', title: optedIn ? `${key ?? 'This project'}'s events now go to ${name}` : `${key ?? 'This project'}'s events no longer go to ${name}` });
    } else {
      setOptInError(result.error);
    }
    setSavingId(undefined);
  };

  return (
    <PageLayout>
      <PageHeader
        title={key ? `Agent Studio Relay for ${key}` : 'Agent Studio Relay'}
        description="Which Agent Studio listeners receive this project's issue events."
      />
      {overview.error && <ErrorSectionMessage error={overview.error} forbiddenMessage={FORBIDDEN} title="Settings could not be loaded" testId="page-error" />}
      {!overview.data && overview.loading && <LoadingState label="Loading connections" />}
      {overview.data && (
        <>
          <Box as="section" aria-labelledby="connections-heading">
            <Stack space="space.200">
              <Heading size="medium" as="h2" id="connections-heading">
                Connections
              </Heading>
              {optInError && (
                <VisibleAlert>
                  <ErrorSectionMessage error={optInError} forbiddenMessage={FORBIDDEN} title="The change was not saved" testId="optin-error" />
                </VisibleAlert>
              )}
              <ProjectConnectionList
                connections={overview.data.connections}
                savingId={savingId}
                onOptInChange={(connectionId, optedIn) => void changeOptIn(connectionId, optedIn)}
              />
            </Stack>
          </Box>
          <DeliveriesSection
            source={projectDeliverySource}
            forbiddenMessage={FORBIDDEN}
            description={`Events of ${key ?? 'this project'} sent to a listener, newest first. Open one to see the request and redeliver it.`}
          />
        </>
      )}
      <Suspense fallback={null}>{flags.flags.length > 0 && <PageFlags flags={flags.flags} onDismissed={flags.dismiss} />}</Suspense>
    </PageLayout>
  );
}
