import SectionMessage from '@atlaskit/section-message';
import { Box } from '@atlaskit/primitives';
import { Fact } from './Fact';

/** Who gets SLA events. Without anyone, the scan does not run at all, which an admin must not miss. */
export function SlaSubscribers({ names }: { names: string[] }) {
  if (names.length === 0) {
    return (
      <SectionMessage appearance="information" testId="sla-subscribers">
        <p>No connection is subscribed to SLA events, so no scan runs. Tick “SLA breached” or “SLA about to breach” in a connection’s events.</p>
      </SectionMessage>
    );
  }
  return (
    <Box testId="sla-subscribers">
      <Fact label="Sent to">{names.join(', ')}</Fact>
    </Box>
  );
}
