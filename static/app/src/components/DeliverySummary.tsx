import { Inline } from '@atlaskit/primitives';
import type { DeliveryDetail } from '../../../../src/shared/contract';
import { formatTime } from '../format/format-time';
import { webhookEventLabel } from '../format/webhook-event-label';
import { DeliveryStateLozenge } from './DeliveryStateLozenge';
import { Fact } from './Fact';

/** The delivery at a glance, above its request and attempts. */
export function DeliverySummary({ detail }: { detail: DeliveryDetail }) {
  return (
    <Inline space="space.400" shouldWrap testId="delivery-summary">
      <Fact label="State">
        <DeliveryStateLozenge state={detail.state} />
      </Fact>
      <Fact label="Event">{webhookEventLabel(detail.webhookEvent, detail.eventKind)}</Fact>
      <Fact label="Issue">{detail.issueKey ?? '—'}</Fact>
      <Fact label="Connection">{detail.connectionName}</Fact>
      <Fact label="First handled">{formatTime(detail.createdAt)}</Fact>
      <Fact label="Attempts">{detail.attempts}</Fact>
      {detail.state === 'retrying' && detail.nextAttemptAt && (
        <Fact label="Next attempt">
          <span data-testid="delivery-next-attempt">{formatTime(detail.nextAttemptAt)}</span>
        </Fact>
      )}
    </Inline>
  );
}
