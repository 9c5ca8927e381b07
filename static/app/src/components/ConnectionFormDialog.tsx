import { lazy, Suspense } from 'react';
import Badge from '@atlaskit/badge';
import Button from '@atlaskit/button/new';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle } from '@atlaskit/modal-dialog';
import { Box, Inline, Stack } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import Tabs, { Tab, TabList, TabPanel } from '@atlaskit/tabs';
import type { ConnectionView } from '../../../../src/shared/contract';
import { useConnectionForm } from '../hooks/use-connection-form';
import { tabOf, type FormTab } from '../model/field-errors';
import { ConnectionFormFields } from './ConnectionFormFields';
import { ErrorSectionMessage } from './ErrorSectionMessage';
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
  const title = connection ? `Edit ${connection.name}` : 'Create connection';
  const errorCount = (tab: FormTab) => Object.keys(form.errors).filter((field) => tabOf(field) === tab).length;
  const conditionCount = [form.values.jql.trim(), form.values.issueTypes.length, form.values.changedFields.length, form.values.ignoreAccounts.length].filter(Boolean).length;
  const extras: Partial<Record<FormTab, string>> = {
    payload: form.values.payloadMode === 'jira' ? undefined : form.values.payloadMode === 'json' ? 'JSON' : 'Form',
    conditions: conditionCount > 0 ? String(conditionCount) : undefined,
  };
  return (
    <Modal onClose={onClose} width="x-large" label={title} shouldScrollInViewport testId="connection-dialog">
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
            {form.formError && (
              <div role="alert">
                <ErrorSectionMessage error={form.formError} forbiddenMessage={forbiddenMessage} title="The connection was not saved" testId="form-error" />
              </div>
            )}
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
