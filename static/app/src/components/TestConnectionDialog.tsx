import { useCallback, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Stack, Text } from '@atlaskit/primitives';
import type { ConnectionView, ResolverResult, TestConnectionResult } from '../../../../src/shared/contract';
import { testConnection } from '../api/test-connection';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { LoadingState } from './LoadingState';
import { TestResultMessage } from './TestResultMessage';

interface Props {
  connection: ConnectionView;
  forbiddenMessage: string;
  onClose: () => void;
}

/** Opening the dialog is the request to test, so the test starts at once. */
export function TestConnectionDialog({ connection, forbiddenMessage, onClose }: Props) {
  const [result, setResult] = useState<ResolverResult<TestConnectionResult>>();
  const [testing, setTesting] = useState(true);

  const run = useCallback(async () => {
    setTesting(true);
    setResult(undefined);
    setResult(await testConnection(connection.id));
    setTesting(false);
  }, [connection.id]);

  useEffect(() => {
    void run();
  }, [run]);

  return (
    <Modal onClose={onClose} label={`Test ${connection.name}`} testId="test-dialog">
      <ModalHeader hasCloseButton>
        <ModalTitle>Test “{connection.name}”</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.200">
          <Text as="p" color="color.text.subtle">
            Sends a test request to {connection.host} with the saved URL and API key. No issue data is sent.
          </Text>
          {testing && <LoadingState label="Waiting for the listener" />}
          {result && (
            // role=status: screen reader users hear the verdict when it appears.
            <div role="status">
              {result.ok ? (
                <TestResultMessage result={result.data} />
              ) : (
                <ErrorSectionMessage error={result.error} forbiddenMessage={forbiddenMessage} title="The test could not run" testId="test-result" />
              )}
            </div>
          )}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onClose} testId="close-test">
          Close
        </Button>
        <Button onClick={() => void run()} isLoading={testing} testId="test-again">
          Test again
        </Button>
      </ModalFooter>
    </Modal>
  );
}
