import type { ConnectionView } from '../../../../src/shared/contract';
import { getAdminOverview } from '../api/get-admin-overview';
import { listDeliveries } from '../api/list-deliveries';
import { useResolverData } from '../hooks/use-resolver-data';
import { ConnectionSection } from './ConnectionSection';
import { DeliveriesSection } from './DeliveriesSection';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { LoadingState } from './LoadingState';
import { PageHeader } from './PageHeader';
import { PageLayout } from './PageLayout';

const FORBIDDEN = 'Only Jira administrators can manage Agent Studio Relay.';

// Module-level so the loader is stable across renders (useResolverData reloads when it changes).
const loadDeliveries = () => listDeliveries({ limit: 50 });

export function AdminPage() {
  const overview = useResolverData(getAdminOverview);
  const { data } = overview;

  const replaceConnection = (saved: ConnectionView) => {
    if (!data) return;
    const others = data.connections.filter((c) => c.id !== saved.id);
    // The saved connection stays first: it is the one this page edits.
    overview.setData({ ...data, connections: [saved, ...others] });
  };

  return (
    <PageLayout>
      <PageHeader
        title="Agent Studio Relay"
        description="Forwards Jira issue events to your Agent Studio (Moveworks) listeners."
      />
      {overview.error && <ErrorSectionMessage error={overview.error} forbiddenMessage={FORBIDDEN} title="Settings could not be loaded" />}
      {!data && overview.loading && <LoadingState label="Loading settings" />}
      {data && (
        <>
          <ConnectionSection
            connections={data.connections}
            allowedHosts={data.allowedHosts}
            onSaved={replaceConnection}
            forbiddenMessage={FORBIDDEN}
          />
          <DeliveriesSection load={loadDeliveries} forbiddenMessage={FORBIDDEN} />
        </>
      )}
    </PageLayout>
  );
}
