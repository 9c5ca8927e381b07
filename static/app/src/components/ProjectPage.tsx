import { useState } from 'react';
import Heading from '@atlaskit/heading';
import { Box, Stack } from '@atlaskit/primitives';
import type { ResolverError } from '../../../../src/shared/contract';
import { getProjectOverview } from '../api/get-project-overview';
import { listProjectDeliveries } from '../api/list-project-deliveries';
import { setProjectOptIn } from '../api/set-project-opt-in';
import { useResolverData } from '../hooks/use-resolver-data';
import { DeliveriesSection } from './DeliveriesSection';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { LoadingState } from './LoadingState';
import { PageHeader } from './PageHeader';
import { PageLayout } from './PageLayout';
import { ProjectConnectionList } from './ProjectConnectionList';

const FORBIDDEN = 'You need the Administer Projects permission for this project.';

// Module-level so the loader is stable across renders (useResolverData reloads when it changes).
const loadDeliveries = () => listProjectDeliveries({ limit: 50 });

export function ProjectPage({ projectKey }: { projectKey: string | undefined }) {
  const overview = useResolverData(getProjectOverview);
  const [savingId, setSavingId] = useState<string>();
  const [optInError, setOptInError] = useState<ResolverError>();
  const key = overview.data?.project.key ?? projectKey;

  const changeOptIn = async (connectionId: string, optedIn: boolean) => {
    setSavingId(connectionId);
    setOptInError(undefined);
    const result = await setProjectOptIn(connectionId, optedIn);
    // On failure the toggle keeps the stored value, which is still the truth.
    if (result.ok) overview.setData(result.data);
    else setOptInError(result.error);
    setSavingId(undefined);
  };

  return (
    <PageLayout>
      <PageHeader
        title={key ? `Agent Studio Relay for ${key}` : 'Agent Studio Relay'}
        description="Which Agent Studio listeners receive this project's issue events."
      />
      {overview.error && <ErrorSectionMessage error={overview.error} forbiddenMessage={FORBIDDEN} title="Settings could not be loaded" />}
      {!overview.data && overview.loading && <LoadingState label="Loading connections" />}
      {overview.data && (
        <>
          <Box as="section" aria-labelledby="connections-heading">
            <Stack space="space.200">
              <Heading size="medium" as="h2" id="connections-heading">
                Connections
              </Heading>
              {optInError && (
                <div role="alert">
                  <ErrorSectionMessage error={optInError} forbiddenMessage={FORBIDDEN} title="The change was not saved" testId="optin-error" />
                </div>
              )}
              <ProjectConnectionList
                connections={overview.data.connections}
                savingId={savingId}
                onOptInChange={(connectionId, optedIn) => void changeOptIn(connectionId, optedIn)}
              />
            </Stack>
          </Box>
          <DeliveriesSection load={loadDeliveries} forbiddenMessage={FORBIDDEN} />
        </>
      )}
    </PageLayout>
  );
}
