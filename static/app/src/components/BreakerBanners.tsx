import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';
import { Stack } from '@atlaskit/primitives';
import type { ConnectionView } from '../../../../src/shared/contract';
import { breakerMessage } from '../format/breaker-message';
import { VisuallyHidden } from './VisuallyHidden';

interface Props {
  connections: ConnectionView[];
  /** Opens the Test dialog: the admin can check the listener without waiting for the probe. */
  onTest: (connection: ConnectionView) => void;
  /** Reloads the connections (breakers close on their own when a probe succeeds). */
  onCheckAgain: () => void;
  checking: boolean;
}

/** One warning per paused connection, above the list, so nobody misses that deliveries are held back. */
export function BreakerBanners({ connections, onTest, onCheckAgain, checking }: Props) {
  const paused = connections.filter((c) => c.breaker);
  if (paused.length === 0) return null;
  return (
    <Stack space="space.100" testId="breaker-banners">
      {paused.map((c) => (
        <SectionMessage
          key={c.id}
          appearance="warning"
          title={`Deliveries to ${c.name} are paused`}
          testId={`breaker-banner-${c.id}`}
          actions={[
            // The title names the connection once; the action does not repeat a name that may be long.
            <SectionMessageAction key="test" onClick={() => onTest(c)} testId={`breaker-test-${c.id}`}>
              Test the listener now<VisuallyHidden> ({c.name})</VisuallyHidden>
            </SectionMessageAction>,
            <SectionMessageAction key="check" onClick={checking ? undefined : onCheckAgain} testId={`breaker-check-${c.id}`}>
              {checking ? 'Checking…' : 'Check again'}
            </SectionMessageAction>,
          ]}
        >
          {/* `c.breaker` is set: the list was filtered on it. */}
          <p data-testid={`breaker-message-${c.id}`}>{c.breaker && breakerMessage(c.breaker)}</p>
        </SectionMessage>
      ))}
    </Stack>
  );
}
