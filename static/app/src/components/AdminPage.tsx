import { lazy, Suspense, useEffect, useState } from 'react';
import { ModalTransition } from '@atlaskit/modal-dialog';
import type { ConnectionView } from '../../../../src/shared/contract';
import { adminDeliverySource } from '../api/delivery-source';
import { getAdminOverview } from '../api/get-admin-overview';
import { useFlags } from '../hooks/use-flags';
import { useResolverData } from '../hooks/use-resolver-data';
import { AccessSection } from './AccessSection';
import { BreakerBanners } from './BreakerBanners';
import type { OpenDialog } from './ConnectionDialog';
import { ConnectionsSection } from './ConnectionsSection';
import { DeliveriesSection } from './DeliveriesSection';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { LoadingState } from './LoadingState';
import { PageHeader } from './PageHeader';
import { PageLayout } from './PageLayout';
import { SlaSection } from './SlaSection';

const ConnectionDialog = lazy(() => import('./ConnectionDialog').then((m) => ({ default: m.ConnectionDialog })));
const PageFlags = lazy(() => import('./PageFlags').then((m) => ({ default: m.PageFlags })));

const FORBIDDEN = 'Only Jira administrators can manage Agent Studio Relay.';
/** While a connection is paused, look again this often: a probe may have resumed it. */
const PAUSED_REFRESH_MS = 60_000;
const ACCESS_FORBIDDEN = 'Only Jira administrators can check which projects an account can work in.';

/** `siteUrl` comes from the Forge context: the Base URL Agent Studio's HTTP connector calls. */
export function AdminPage({ siteUrl }: { siteUrl?: string }) {
  const overview = useResolverData(getAdminOverview);
  const { data } = overview;
  const [dialog, setDialog] = useState<OpenDialog>();
  const flags = useFlags();
  // Bumped after "Redeliver failed" so the delivery log shows the queued deliveries' progress.
  const [logGeneration, setLogGeneration] = useState(0);
  // Bumped whenever a connection is saved or deleted: the SLA section lists who receives SLA events.
  const [connectionsGeneration, setConnectionsGeneration] = useState(0);
  const paused = data?.connections.some((c) => c.breaker) ?? false;
  const { reload } = overview;

  useEffect(() => {
    if (!paused) return undefined;
    const timer = setInterval(reload, PAUSED_REFRESH_MS);
    return () => clearInterval(timer);
  }, [paused, reload]);

  const upsert = (saved: ConnectionView) => {
    if (!data) return;
    const exists = data.connections.some((c) => c.id === saved.id);
    const connections = exists ? data.connections.map((c) => (c.id === saved.id ? saved : c)) : [...data.connections, saved];
    overview.setData({ ...data, connections });
    setConnectionsGeneration((n) => n + 1);
  };

  return (
    <PageLayout>
      <PageHeader title="Agent Studio Relay" description="Forwards Jira issue events to your Agent Studio (Moveworks) listeners." />
      {overview.error && <ErrorSectionMessage error={overview.error} forbiddenMessage={FORBIDDEN} title="Settings could not be loaded" testId="page-error" />}
      {!data && overview.loading && <LoadingState label="Loading connections" />}
      {data && (
        <>
          <BreakerBanners
            connections={data.connections}
            onTest={(connection) => setDialog({ kind: 'test', connection })}
            onCheckAgain={reload}
            checking={overview.loading}
          />
          <ConnectionsSection
            connections={data.connections}
            onAction={(kind, connection) => setDialog({ kind, connection })}
            onSaved={(saved) => {
              upsert(saved);
              flags.add({ appearance: 'success', title: saved.enabled ? `${saved.name} is on` : `${saved.name} is off` });
            }}
            onToggleError={(error, connection) => flags.add({ appearance: 'error', title: `${connection.name} was not changed`, description: error.message })}
          />
          <SlaSection
            forbiddenMessage={FORBIDDEN}
            reloadSignal={connectionsGeneration}
            onSaved={() => flags.add({ appearance: 'success', title: 'SLA settings saved' })}
          />
          <AccessSection siteUrl={siteUrl} forbiddenMessage={ACCESS_FORBIDDEN} />
          <DeliveriesSection
            source={adminDeliverySource}
            forbiddenMessage={FORBIDDEN}
            connections={data.connections}
            onRedeliverFailed={(connectionId, since) => {
              const connection = data.connections.find((c) => c.id === connectionId);
              if (connection) setDialog({ kind: 'redeliverFailed', connection, since });
            }}
            reloadSignal={logGeneration}
            description="Every event sent to a listener, newest first. Open one to see the exact request and redeliver it."
          />
        </>
      )}
      <Suspense fallback={null}>
        <ModalTransition>
          {dialog && data && (
            <ConnectionDialog
              dialog={dialog}
              allowedHosts={data.allowedHosts}
              forbiddenMessage={FORBIDDEN}
              onSaved={(saved, created) => {
                upsert(saved);
                setDialog(undefined);
                flags.add({ appearance: 'success', title: created ? `${saved.name} created` : `${saved.name} saved` });
              }}
              onDeleted={(id, name) => {
                overview.setData({ ...data, connections: data.connections.filter((c) => c.id !== id) });
                setConnectionsGeneration((n) => n + 1);
                setDialog(undefined);
                flags.add({ appearance: 'success', title: `${name} deleted` });
              }}
              onChanged={(changed) => {
                upsert(changed);
                setDialog((open) => (open?.connection?.id === changed.id ? { ...open, connection: changed } : open));
              }}
              onQueued={(message) => {
                setDialog(undefined);
                setLogGeneration((n) => n + 1);
                flags.add({ appearance: 'success', ...message });
              }}
              onClose={() => setDialog(undefined)}
            />
          )}
        </ModalTransition>
        {flags.flags.length > 0 && <PageFlags flags={flags.flags} onDismissed={flags.dismiss} />}
      </Suspense>
    </PageLayout>
  );
}
