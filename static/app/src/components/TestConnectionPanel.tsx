import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ResolverResult, TestConnectionResult } from '../../../../src/shared/contract';
import { testConnection } from '../api/test-connection';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { TestResultMessage } from './TestResultMessage';

interface Props {
  /** Undefined until the connection is saved: the test runs against the stored URL and key. */
  connectionId: string | undefined;
  forbiddenMessage: string;
}

export function TestConnectionPanel({ connectionId, forbiddenMessage }: Props) {
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<ResolverResult<TestConnectionResult>>();

  const run = async (id: string) => {
    setTesting(true);
    setResult(undefined);
    setResult(await testConnection(id));
    setTesting(false);
  };

  return (
    <Stack space="space.150">
      <Inline space="space.150" alignBlock="center">
        <Button
          onClick={() => {
            if (connectionId) void run(connectionId);
          }}
          isDisabled={!connectionId}
          isLoading={testing}
          testId="test-connection"
        >
          Test connection
        </Button>
        <Text color="color.text.subtle" size="small">
          {connectionId ? 'Sends a test request with the saved URL and API key.' : 'Save the connection first, then test it.'}
        </Text>
      </Inline>
      {/* role=status: screen reader users hear the verdict when it appears. */}
      {result && (
        <div role="status">
          {result.ok ? (
            <TestResultMessage result={result.data} />
          ) : (
            <ErrorSectionMessage error={result.error} forbiddenMessage={forbiddenMessage} title="The test could not run" testId="test-result" />
          )}
        </div>
      )}
    </Stack>
  );
}
