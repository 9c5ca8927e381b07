import SectionMessage from '@atlaskit/section-message';
import type { DeliveryDetail } from '../../../../src/shared/contract';
import { formatLatency } from '../format/format-latency';

/** The verdict of the attempt Redeliver just made: the last one in the log. */
export function RedeliverOutcome({ detail }: { detail: DeliveryDetail }) {
  const attempt = detail.attemptLog.at(-1);
  const status = attempt?.status === undefined ? 'no HTTP response' : `HTTP ${attempt.status}`;
  const facts = attempt ? `${status} in ${formatLatency(attempt.latencyMs)}.` : '';
  return (
    <div role="status">
      {detail.state === 'delivered' ? (
        <SectionMessage appearance="success" title="Redelivered" testId="redeliver-result">
          <p>The listener accepted the event: {facts}</p>
        </SectionMessage>
      ) : (
        <SectionMessage appearance="error" title="The listener did not accept the event" testId="redeliver-result">
          <p>
            {facts} {attempt?.error ?? 'Check the listener, then try again.'}
          </p>
        </SectionMessage>
      )}
    </div>
  );
}
