import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import Badge from '@atlaskit/badge';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, type KeyboardOrMouseEvent } from '@atlaskit/modal-dialog';
import SectionMessage from '@atlaskit/section-message';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import type { ConnectionView } from '../../../../src/shared/contract';
import { useConnectionForm } from '../hooks/use-connection-form';
import { closesAMenu, useMenuEscapeGuard } from '../hooks/use-dialog-close';
import { tabOf, type FormTab } from '../model/field-errors';
import { ConnectionFormFields } from './ConnectionFormFields';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { VisibleAlert } from './VisibleAlert';
import { VisuallyHidden } from './VisuallyHidden';

// The template editor, preview (with its code block) and pickers load when their tab is first opened.
const PayloadSection = lazy(() => import('./PayloadSection').then((m) => ({ default: m.PayloadSection })));
const ConditionsSection = lazy(() => import('./ConditionsSection').then((m) => ({ default: m.ConditionsSection })));

const TABS: { id: FormTab; label: string }[] = [
  { id: 'details', label: 'Details' },
  { id: 'payload', label: 'Payload' },
  { id: 'conditions', label: 'Conditions' },
];

function TabLabel({ label, errors, extra }: { label: string; errors: number; extra?: string }) {
  return (
    <Inline space="space.075" alignBlock="center">
      <span>{label}</span>
      {extra && !errors && <Badge>{extra}</Badge>}
      {errors > 0 && (
        <>
          <Badge appearance="important">{errors}</Badge>
          <VisuallyHidden>{errors === 1 ? 'error' : 'errors'}</VisuallyHidden>
        </>
      )}
    </Inline>
  );
}

/** Asked when Escape or a click beside the dialog would throw away edits; Cancel and the close button do not ask. */
function DiscardConfirmation({ onKeep, onDiscard }: { onKeep: () => void; onDiscard: () => void }) {
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => keepRef.current?.focus(), []);
  return (
    <VisibleAlert testId="discard-confirmation">
      <SectionMessage appearance="warning" title="Discard your changes?">
        <Stack space="space.100">
          <p>The connection has changes that are not saved. Closing the dialog now loses them.</p>
          <Inline space="space.100">
            <Button ref={keepRef} appearance="primary" onClick={onKeep} testId="keep-editing">
              Keep editing
            </Button>
            <Button appearance="subtle" onClick={onDiscard} testId="discard-changes">
              Discard changes
            </Button>
          </Inline>
        </Stack>
      </SectionMessage>
    </VisibleAlert>
  );
}

function Loading() {
  return (
    <Box padding="space.300">
      <Inline alignInline="center">
        <Spinner label="Loading" />
      </Inline>
    </Box>
  );
}

interface Props {
  /** Undefined to create a new connection. */
  connection: ConnectionView | undefined;
  allowedHosts: string[];
  forbiddenMessage: string;
  onSaved: (saved: ConnectionView) => void;
  onClose: () => void;
}

/** Create and edit in a dialog, as Jira's own admin screens do; the list stays visible behind it. */
export function ConnectionFormDialog({ connection, allowedHosts, forbiddenMessage, onSaved, onClose }: Props) {
  const form = useConnectionForm(connection, onSaved);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  // Where the admin was when the dialog asked: "Keep editing" goes back there.
  const returnFocus = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (confirmingDiscard || !returnFocus.current) return;
    returnFocus.current.focus();
    returnFocus.current = null;
  }, [confirmingDiscard]);
  useMenuEscapeGuard();
  const requestClose = (event?: KeyboardOrMouseEvent) => {
    // That Escape closed a select's menu (or a picker's calendar): the dialog and its edits stay.
    if (closesAMenu(event)) return;
    // Escape, a click beside the dialog and its × all ask before discarding edits; Cancel says it outright.
    if (!form.dirty) {
      onClose();
      return;
    }
    if (!confirmingDiscard) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setConfirmingDiscard(true);
    } else if (event?.type === 'keydown') {
      // Escape while asked answers "keep editing".
      setConfirmingDiscard(false);
    }
  };
  const title = connection ? `Edit ${connection.name}` : 'Create connection';
  const errorCount = (tab: FormTab) => Object.keys(form.errors).filter((field) => tabOf(field) === tab).length;
  const conditionCount = [form.values.jql.trim(), form.values.issueTypes.length, form.values.changedFields.length, form.values.ignoreAccounts.length].filter(Boolean).length;
  const extras: Partial<Record<FormTab, string>> = {
    payload: form.values.payloadMode === 'jira' ? undefined : form.values.payloadMode === 'json' ? 'JSON' : 'Form',
    conditions: conditionCount > 0 ? String(conditionCount) : undefined,
  };
  return (
    <Modal onClose={requestClose} width="x-large" label={title} shouldScrollInViewport testId="connection-dialog">
      <form
        aria-label="Connection settings"
        data-testid="connection-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
      >
        <ModalHeader hasCloseButton>
          <ModalTitle>{title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.200">
            {Object.keys(form.errors).length > 0 && (
              // Announced once per failed save; each message sits next to its field.
              <div role="alert" data-testid="form-errors-summary">
                <VisuallyHidden>Fix the fields marked in red and save again.</VisuallyHidden>
              </div>
            )}
            <Tabs
              id="connection-tabs"
              selected={TABS.findIndex((t) => t.id === form.tab)}
              onChange={(index) => form.setTab(TABS[index]?.id ?? 'details')}
              testId="connection-tabs"
            >
              <TabList>
                {TABS.map((t) => (
                  <Tab key={t.id} testId={`connection-tab-${t.id}`}>
                    <TabLabel label={t.label} errors={errorCount(t.id)} extra={extras[t.id]} />
                  </Tab>
                ))}
              </TabList>
              <TabPanel>
                <Box paddingBlockStart="space.200" style={{ width: '100%' }}>
                  <ConnectionFormFields form={form} connection={connection} allowedHosts={allowedHosts} />
                </Box>
              </TabPanel>
              <TabPanel>
                <Box paddingBlockStart="space.200" style={{ width: '100%' }} testId="connection-payload-panel">
                  <Suspense fallback={<Loading />}>
                    <PayloadSection form={form} forbiddenMessage={forbiddenMessage} />
                  </Suspense>
                </Box>
              </TabPanel>
              <TabPanel>
                <Box paddingBlockStart="space.200" style={{ width: '100%' }} testId="connection-conditions-panel">
                  <Suspense fallback={<Loading />}>
                    <ConditionsSection form={form} />
                  </Suspense>
                </Box>
              </TabPanel>
            </Tabs>
            {form.formError && (
              // Next to Save, where the admin is, and scrolled into view: at the top of a long form it went unseen.
              <VisibleAlert>
                <ErrorSectionMessage error={form.formError} forbiddenMessage={forbiddenMessage} title="The connection was not saved" testId="form-error" />
              </VisibleAlert>
            )}
            {confirmingDiscard && <DiscardConfirmation onKeep={() => setConfirmingDiscard(false)} onDiscard={onClose} />}
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose} testId="cancel-connection">
            Cancel
          </Button>
          <Button type="submit" appearance="primary" isLoading={form.saving} testId="save-connection">
            {connection ? 'Save' : 'Create'}
          </Button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
