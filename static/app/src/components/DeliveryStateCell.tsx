import { Stack, Text } from '@atlaskit/primitives';
import type { DeliveryView } from '../../../../src/shared/contract';
import { formatTime } from '../format/format-time';
import { DeliveryStateLozenge } from './DeliveryStateLozenge';

/** The state lozenge, when a retrying delivery tries next, and the relay's short note (rate limit, breaker, a configuration hint). */
export function DeliveryStateCell({ delivery }: { delivery: DeliveryView }) {
  const suffix = `${delivery.eventId}-${delivery.connectionId}`;
  return (
    <Stack space="space.050">
      <span>
        <DeliveryStateLozenge state={delivery.state} />
      </span>
      {delivery.state === 'retrying' && delivery.nextAttemptAt && (
        <Text size="small" color="color.text.subtle" testId={`delivery-next-${suffix}`}>
          Next attempt: <time dateTime={delivery.nextAttemptAt}>{formatTime(delivery.nextAttemptAt)}</time>
        </Text>
      )}
      {delivery.note && (
        <Text size="small" color="color.text.subtlest" maxLines={2} testId={`delivery-note-${suffix}`}>
          {delivery.note}
        </Text>
      )}
    </Stack>
  );
}
