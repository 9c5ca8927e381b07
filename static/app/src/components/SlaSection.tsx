import { useEffect } from 'react';
import { Code } from '@atlaskit/code';
import { Stack } from '@atlaskit/primitives';
import type { SlaOverview } from '../../../../src/shared/contract';
import { getSlaOverview } from '../api/get-sla-overview';
import { useResolverData } from '../hooks/use-resolver-data';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { LoadingState } from './LoadingState';
import { PageSection } from './PageSection';
import { SlaLastScan } from './SlaLastScan';
import { SlaSettingsForm } from './SlaSettingsForm';
import { SlaSubscribers } from './SlaSubscribers';

interface Props {
  forbiddenMessage: string;
  /** A change of this number reloads the overview: a saved connection may have started or stopped receiving SLA events. */
  reloadSignal?: number;
  onSaved: () => void;
}

/** "Service Management SLAs": the scheduled scan that turns SLA clocks into events, its settings and its last run. */
export function SlaSection({ forbiddenMessage, reloadSignal, onSaved }: Props) {
  const overview = useResolverData(getSlaOverview);
  const { data, reload, setData } = overview;
  useEffect(() => {
    if (reloadSignal) reload();
  }, [reloadSignal, reload]);

  const saved = (fresh: SlaOverview) => {
    setData(fresh);
    onSaved();
  };

  return (
    <PageSection
      id="sla"
      title="Service Management SLAs"
      testId="sla-section"
      description={
        <>
          Jira has no SLA event, so the relay checks Service Management SLAs every five minutes. It sends <Code>sla_breached</Code> when an SLA breaches and{' '}
          <Code>sla_warning</Code> before it does (“SLA breached” and “SLA about to breach” in a connection’s events), once per issue, SLA and cycle, to the
          connections subscribed to those events.
        </>
      }
    >
      {overview.error && <ErrorSectionMessage error={overview.error} forbiddenMessage={forbiddenMessage} title="SLA settings could not be loaded" testId="sla-error" />}
      {!data && overview.loading && <LoadingState label="Loading SLA settings" />}
      {data && (
        <Stack space="space.300">
          <SlaSubscribers names={data.subscribers} />
          <SlaSettingsForm overview={data} forbiddenMessage={forbiddenMessage} onSaved={saved} />
          <SlaLastScan scan={data.lastScan} />
        </Stack>
      )}
    </PageSection>
  );
}
