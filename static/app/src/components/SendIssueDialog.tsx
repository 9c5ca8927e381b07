import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Box, Inline, Stack, Text } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { ConnectionView, ResolverError, SendIssueResult } from '../../../../src/shared/contract';
import type { EventKind } from '../../../../src/shared/events';
import { sendIssue } from '../api/send-issue';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { EventSelect } from './EventSelect';
import { FormField } from './FormField';
import { RequestDetails } from './RequestDetails';
import { TestResultMessage } from './TestResultMessage';

interface Props {
  connection: ConnectionView;
  forbiddenMessage: string;
  onClose: () => void;
}

const ISSUE_KEY = /^[A-Z][A-Z0-9_]+-\d+$/;

/** The most telling event this connection listens to, so the default usually just works. */
function defaultEvent(connection: ConnectionView): EventKind {
  return connection.events.includes('issue_updated') ? 'issue_updated' : (connection.events[0] ?? 'issue_updated');
}

/** Sends a real issue as the connection would, and shows exactly what went out and what came back. */
export function SendIssueDialog({ connection, forbiddenMessage, onClose }: Props) {
  const [issueKey, setIssueKey] = useState('');
  const [event, setEvent] = useState<EventKind>(defaultEvent(connection));
  const [sending, setSending] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: 'issueKey' | 'event'; message: string }>();
  const [error, setError] = useState<ResolverError>();
  const [sent, setSent] = useState<SendIssueResult>();

  const send = async () => {
    const key = issueKey.trim().toUpperCase();
    setError(undefined);
    setFieldError(undefined);
    // The previous answer belongs to the previous send: left beside a new error, it would read as this one's.
    setSent(undefined);
    if (!ISSUE_KEY.test(key)) {
      setFieldError({ field: 'issueKey', message: 'Enter an issue key such as SUP-1.' });
      return;
    }
    setSending(true);
    const result = await sendIssue(connection.id, key, event);
    setSending(false);
    if (result.ok) setSent(result.data);
    else if (result.error.field === 'issueKey' || result.error.field === 'event') setFieldError({ field: result.error.field, message: result.error.message });
    else setError(result.error);
  };

  return (
    <Modal onClose={onClose} width="x-large" label={`Send a real issue to ${connection.name}`} shouldScrollInViewport testId="send-dialog">
      <form
        aria-label="Send a real issue"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void send();
        }}
      >
        <ModalHeader hasCloseButton>
          <ModalTitle>Send a real issue to “{connection.name}”</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.300">
            <Text as="p" color="color.text.subtle">
              Builds the request from a real issue, exactly as the relay would for this event, and sends it to {connection.host} now.
            </Text>
            <Inline space="space.200" alignBlock="start" shouldWrap>
              <Box style={{ width: '12rem' }}>
                <FormField id="send-issue-key" label="Issue key" isRequired error={fieldError?.field === 'issueKey' ? fieldError.message : undefined}>
                  {(aria) => (
                    <Textfield {...aria} value={issueKey} placeholder="SUP-1" autoComplete="off" spellCheck={false} autoFocus onChange={(e) => setIssueKey(e.currentTarget.value)} testId="send-issue-key" />
                  )}
                </FormField>
              </Box>
              <Box style={{ width: '20rem' }}>
                <FormField id="send-event" label="Event" isRequired error={fieldError?.field === 'event' ? fieldError.message : undefined}>
                  {(aria) => <EventSelect aria={aria} value={event} onChange={setEvent} />}
                </FormField>
              </Box>
            </Inline>
            {error && (
              <div role="alert">
                <ErrorSectionMessage error={error} forbiddenMessage={forbiddenMessage} title="The issue was not sent" testId="send-error" />
              </div>
            )}
            {sent && (
              <Stack space="space.300">
                <div role="status">
                  <TestResultMessage result={sent.result} testId="send-result" />
                </div>
                <RequestDetails request={sent.request} />
              </Stack>
            )}
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose} testId="close-send">
            Close
          </Button>
          <Button type="submit" appearance="primary" isLoading={sending} testId="send-issue">
            Send
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
