import { useState } from 'react';
import Button from '@atlaskit/button/new';
import { DateTimePicker } from '@atlaskit/datetime-picker';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, type KeyboardOrMouseEvent } from '@atlaskit/modal-dialog';
import { Stack, Text } from '@atlaskit/primitives';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import { redeliverFailed } from '../api/redeliver-failed';
import { formatTime } from '../format/format-time';
import { redeliverFailedMessage } from '../format/redeliver-failed-message';
import { closesAMenu, useMenuEscapeGuard } from '../hooks/use-dialog-close';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { FormField } from './FormField';
import { PICKER_LOCALE, timePickerProps } from './picker-props';
import { pickedInstant } from '../format/picker-times';
import { VisibleAlert } from './VisibleAlert';

const DAY_MS = 24 * 60 * 60 * 1000;

interface Props {
  connection: ConnectionView;
  /** An ISO date-time to start from (the log's "From" filter); a day ago otherwise. */
  since?: string;
  forbiddenMessage: string;
  onQueued: (message: { title: string }) => void;
  onClose: () => void;
}


/** "Redeliver all failed since <time>" for one connection: a date-time (a day ago by default) and one button. */
export function RedeliverFailedDialog({ connection, since: initial, forbiddenMessage, onQueued, onClose }: Props) {
  const [since, setSince] = useState<string | undefined>(() => initial ?? new Date(Date.now() - DAY_MS).toISOString());
  const [missing, setMissing] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<ResolverError>();
  useMenuEscapeGuard();
  // Escape in the date or time picker closes its calendar or menu, not the dialog.
  const requestClose = (event?: KeyboardOrMouseEvent) => {
    if (!closesAMenu(event)) onClose();
  };

  const run = async () => {
    if (!since) {
      setMissing(true);
      return;
    }
    setRunning(true);
    setError(undefined);
    const result = await redeliverFailed(connection.id, since);
    setRunning(false);
    if (!result.ok) {
      if (result.error.field === 'since') setMissing(true);
      setError(result.error);
      return;
    }
    // All in the title: a bold flag shows its description only when expanded.
    onQueued({ title: redeliverFailedMessage(result.data, connection.name, formatTime(since)) });
  };

  const fieldError = missing ? (error?.field === 'since' ? error.message : 'Enter a date and time.') : undefined;
  const title = `Redeliver failed deliveries to ${connection.name}`;
  return (
    <Modal onClose={requestClose} label={title} testId="redeliver-failed-dialog">
      <form
        aria-label={title}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void run();
        }}
      >
        <ModalHeader hasCloseButton>
          <ModalTitle>Redeliver failed deliveries</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.200">
            <Text as="p">
              Sends every delivery to <strong>{connection.name}</strong> that failed since the time below once more, with its original
              webhook-id, so the listener can recognise one it already has. They go out at the connection’s rate limit; the delivery log shows how each
              one ends.
            </Text>
            <FormField id="redeliver-failed-since" label="Failed since" isRequired error={fieldError}>
              {(aria) => (
                <DateTimePicker
                  id={aria.id}
                  value={since ?? ''}
                  onChange={(value) => {
                    setSince(pickedInstant(value));
                    setMissing(false);
                  }}
                  isInvalid={aria.isInvalid}
                  clearControlLabel="Clear the start time"
                  datePickerProps={{ label: 'Failed since, date', placeholder: 'Date', shouldShowCalendarButton: true }}
                  timePickerProps={timePickerProps('Failed since, time')}
                  locale={PICKER_LOCALE}
                  testId="redeliver-failed-since"
                />
              )}
            </FormField>
            {error && error.field !== 'since' && (
              <VisibleAlert>
                <ErrorSectionMessage error={error} forbiddenMessage={forbiddenMessage} title="Nothing was redelivered" testId="redeliver-failed-error" />
              </VisibleAlert>
            )}
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose} testId="cancel-redeliver-failed">
            Cancel
          </Button>
          <Button type="submit" appearance="primary" isLoading={running} testId="confirm-redeliver-failed">
            Redeliver failed
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
