import SectionMessage, { type Appearance } from '@atlaskit/section-message';
import { Stack, Text } from '@atlaskit/primitives';
import { token } from '@atlaskit/tokens';
import type { TestConnectionResult, Verdict } from '../../../../src/shared/contract';
import { truncate } from '../format/truncate';

const TITLES: Record<Verdict, string> = {
  connected: 'Connected',
  unauthorized: 'The listener rejected the API key',
  not_found: 'Listener not found',
  host_not_allowed: 'This app may not call that host',
  timeout: 'The listener did not answer in time',
  dns: 'The listener host name could not be found',
  tls: 'Secure connection failed',
  network: 'Could not connect to the listener',
  rate_limited: 'The listener is rate limiting requests',
  server_error: 'The listener had an error',
  unexpected: 'Unexpected answer from the listener',
};

/** Problems the admin can expect to pass on their own are warnings; the rest are errors. */
const TRANSIENT: ReadonlySet<Verdict> = new Set<Verdict>(['timeout', 'rate_limited', 'server_error']);

function appearanceOf(result: TestConnectionResult): Appearance {
  if (result.ok) return 'success';
  return TRANSIENT.has(result.verdict) ? 'warning' : 'error';
}

const EXCERPT_STYLE = {
  font: token('font.code'),
  backgroundColor: token('color.background.neutral'),
  color: token('color.text'),
  padding: token('space.100'),
  borderRadius: token('radius.small'),
  margin: 0,
  whiteSpace: 'pre-wrap',
  overflowWrap: 'anywhere',
  maxHeight: '10rem',
  overflowY: 'auto',
} as const;

export function TestResultMessage({ result, testId = 'test-result' }: { result: TestConnectionResult; testId?: string }) {
  const details = [
    result.status !== undefined ? `HTTP ${result.status}` : 'No HTTP response',
    `${Math.round(result.latencyMs)} ms`,
  ].join(' · ');
  return (
    <SectionMessage appearance={appearanceOf(result)} title={TITLES[result.verdict] ?? 'Test finished'} testId={testId}>
      <Stack space="space.100">
        <Text as="p">{result.message}</Text>
        <Text as="p" color="color.text.subtle" size="small">
          {details}
        </Text>
        {result.responseExcerpt && (
          // Focusable so keyboard users can scroll a long excerpt.
          <pre style={EXCERPT_STYLE} tabIndex={0} aria-label="Response excerpt">
            {truncate(result.responseExcerpt, 500)}
          </pre>
        )}
      </Stack>
    </SectionMessage>
  );
}
