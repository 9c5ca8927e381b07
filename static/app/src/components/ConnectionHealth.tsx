import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import Tooltip from '@atlaskit/tooltip';
import type { ConnectionHealth as Health, ConnectionView } from '../../../../src/shared/contract';
import { backlogLabel } from '../format/breaker-message';
import { formatRelative } from '../format/format-relative';
import { formatTime } from '../format/format-time';
import { DeliveryStateLozenge } from './DeliveryStateLozenge';

interface Props {
  health: Health;
  id: string;
  /** Present while the circuit breaker holds deliveries back. */
  breaker?: ConnectionView['breaker'];
}

/** Last delivery (when, and how it went), what is failing and retrying now, and the failures of the last day, for the connections list. */
export function ConnectionHealth({ health, id, breaker }: Props) {
  const last = health.lastDelivery;
  return (
    <Stack space="space.050" testId={`connection-health-${id}`}>
      {breaker && (
        <Inline space="space.075" alignBlock="center" shouldWrap>
          <Lozenge appearance="removed" isBold testId={`connection-paused-${id}`}>
            Paused
          </Lozenge>
          <Text size="small" color="color.text.subtle">
            {backlogLabel(breaker.backlog)}
          </Text>
        </Inline>
      )}
      {last ? (
        <Inline space="space.075" alignBlock="center" shouldWrap>
          <DeliveryStateLozenge state={last.state} />
          <Tooltip content={formatTime(last.at)}>
            {/* Focusable so keyboard users can read the exact time too. */}
            <Text size="small" color="color.text.subtle">
              <time dateTime={last.at} tabIndex={0}>
                {formatRelative(last.at)}
              </time>
            </Text>
          </Tooltip>
        </Inline>
      ) : (
        <Text size="small" color="color.text.subtlest">
          No deliveries yet
        </Text>
      )}
      {!breaker && health.retrying > 0 && (
        <Text size="small" color="color.text.warning">
          {health.retrying >= 100 ? '100+' : health.retrying} failing, retrying
        </Text>
      )}
      {health.failures24h > 0 ? (
        <Text size="small" color="color.text.danger">
          {health.failures24h >= 100 ? '100+' : health.failures24h} {health.failures24h === 1 ? 'failure' : 'failures'} in 24 h
        </Text>
      ) : (
        last &&
        health.retrying === 0 &&
        !breaker && (
          <Text size="small" color="color.text.subtlest">
            No failures in 24 h
          </Text>
        )
      )}
    </Stack>
  );
}
