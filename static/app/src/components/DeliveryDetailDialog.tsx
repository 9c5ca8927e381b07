import { useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import { Stack } from '@atlaskit/primitives';
import type { DeliveryDetail, DeliveryRef, DeliveryView, ResolverError } from '../../../../src/shared/contract';
import type { DeliverySource } from '../api/delivery-source';
import { AttemptsTable } from './AttemptsTable';
import { DeliverySummary } from './DeliverySummary';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { VisibleAlert } from './VisibleAlert';
import { LoadingState } from './LoadingState';
import { RedeliverOutcome } from './RedeliverOutcome';
import { RequestDetails } from './RequestDetails';

interface Props {
  source: DeliverySource;
  deliveryRef: DeliveryRef;
  forbiddenMessage: string;
  onClose: () => void;
  /** Lets the log show the new state and attempt count without a reload. */
  onChanged: (delivery: DeliveryView) => void;
}

/** Loaded lazily with the code block it shows: most visits to a page never open a delivery. */
export function DeliveryDetailDialog({ source, deliveryRef, forbiddenMessage, onClose, onChanged }: Props) {
  const [detail, setDetail] = useState<DeliveryDetail>();
  const [error, setError] = useState<ResolverError>();
  const [running, setRunning] = useState(false);
  const [redelivered, setRedelivered] = useState<DeliveryDetail>();

  useEffect(() => {
    let current = true;
    void source.get(deliveryRef).then((result) => {
      if (!current) return;
      if (result.ok) setDetail(result.data);
      else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [source, deliveryRef]);

  const runRedeliver = async () => {
    setRunning(true);
    setError(undefined);
    setRedelivered(undefined);
    const result = await source.redeliver(deliveryRef);
    if (result.ok) {
      setDetail(result.data);
      setRedelivered(result.data);
      onChanged(result.data);
    } else {
      setError(result.error);
    }
    setRunning(false);
  };

  return (
    <Modal onClose={onClose} width="x-large" label="Delivery details" testId="delivery-detail">
      <ModalHeader hasCloseButton>
        <ModalTitle>{detail?.issueKey ? `Delivery of ${detail.issueKey}` : 'Delivery details'}</ModalTitle>
      </ModalHeader>
      <ModalBody>
        <Stack space="space.300">
          {!detail && !error && <LoadingState label="Loading the delivery" />}
          {error && (
            <VisibleAlert>
              <ErrorSectionMessage error={error} forbiddenMessage={forbiddenMessage} title={detail ? 'Redeliver failed' : 'The delivery could not be loaded'} testId="delivery-error" />
            </VisibleAlert>
          )}
          {redelivered && <RedeliverOutcome detail={redelivered} />}
          {detail && (
            <>
              <DeliverySummary detail={detail} />
              {detail.state === 'retrying' && (
                <SectionMessage appearance="information">
                  {detail.note && <p data-testid="delivery-note">{detail.note}</p>}
                  <p>The relay is still retrying this delivery on its own. Redeliver sends it once more right away.</p>
                </SectionMessage>
              )}
              {detail.state !== 'retrying' && detail.note && (
                <SectionMessage appearance={detail.state === 'failed' ? 'warning' : 'information'} testId="delivery-note">
                  <p>{detail.note}</p>
                </SectionMessage>
              )}
              <Stack space="space.100">
                <Heading size="xsmall" as="h3">
                  Attempts
                </Heading>
                <AttemptsTable attempts={detail.attemptLog} />
              </Stack>
              <RequestDetails request={detail.request} />
            </>
          )}
        </Stack>
      </ModalBody>
      <ModalFooter>
        <Button appearance="subtle" onClick={onClose} testId="close-delivery">
          Close
        </Button>
        <Button appearance="primary" onClick={() => void runRedeliver()} isLoading={running} isDisabled={!detail || running} testId="redeliver">
          Redeliver
        </Button>
      </ModalFooter>
    </Modal>
  );
}
