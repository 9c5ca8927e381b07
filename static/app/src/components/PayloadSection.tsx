import Checkbox from '@atlaskit/checkbox';
import { Fieldset, HelperMessage } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import { RadioGroup } from '@atlaskit/radio';
import type { ConnectionFormState } from '../hooks/use-connection-form';
import { EXAMPLE_TEMPLATE, toPayloadFormat, type PayloadMode } from '../model/connection-form-values';
import { CreatableListSelect } from './CreatableListSelect';
import { FormField } from './FormField';
import { PayloadPreviewPanel } from './PayloadPreviewPanel';
import { TemplateCheatSheet } from './TemplateCheatSheet';
import { TemplateEditor } from './TemplateEditor';

const OPTIONS: { value: PayloadMode; label: string }[] = [
  { value: 'jira', label: 'Jira webhook format (recommended)' },
  { value: 'json', label: 'Custom JSON' },
  { value: 'form', label: 'Encode as form' },
];

/** Issue fields admins most often keep in a smaller, more private body. */
const COMMON_FIELDS = ['summary', 'status', 'priority', 'assignee', 'reporter', 'issuetype', 'project', 'labels', 'description', 'created', 'updated', 'duedate', 'components', 'resolution'];

function isPayloadMode(value: string): value is PayloadMode {
  return OPTIONS.some((option) => option.value === value);
}

/** The "Payload" tab: what the listener receives, and a preview of it for a real issue. */
export function PayloadSection({ form, forbiddenMessage }: { form: ConnectionFormState; forbiddenMessage: string }) {
  const { values, errors, set, setFieldError } = form;
  const mode = values.payloadMode;
  return (
    <Stack space="space.300">
      <Fieldset legend="Payload format">
        <Stack space="space.050">
          <RadioGroup
            name="payload-format"
            options={OPTIONS.map((option) => ({ ...option, name: 'payload-format', testId: `payload-${option.value}` }))}
            value={mode}
            onChange={(event) => {
              const value = event.currentTarget.value;
              if (isPayloadMode(value)) set('payloadMode', value);
            }}
          />
          <HelperMessage>
            {mode === 'jira'
              ? 'The same body as a Jira webhook, which Agent Studio’s listeners understand as it is.'
              : mode === 'json'
                ? 'Your own JSON body with smart values, sent as application/json.'
                : 'Your own flat fields with smart values, sent as application/x-www-form-urlencoded.'}
          </HelperMessage>
        </Stack>
      </Fieldset>

      {mode === 'jira' ? (
        <Stack space="space.200">
          <FormField id="connection-payload-fields" label="Send only these issue fields" error={errors.payloadFields} helper="Leave empty to send every field. Field ids such as summary, status or customfield_10010.">
            {(aria) => (
              <CreatableListSelect
                aria={aria}
                value={values.payloadFields}
                onChange={(v) => set('payloadFields', v)}
                suggestions={COMMON_FIELDS}
                placeholder="Every field"
                testId="connection-payload-fields"
              />
            )}
          </FormField>
          <Checkbox
            name="include-changes"
            label={
              <>
                Add a <code>changes</code> summary (field, from, to)
              </>
            }
            isChecked={values.includeChanges}
            onChange={(event) => set('includeChanges', event.currentTarget.checked)}
            testId="connection-include-changes"
          />
        </Stack>
      ) : (
        <Stack space="space.200">
          <TemplateEditor
            value={values.template}
            encoding={mode}
            error={errors.template}
            onChange={(v) => set('template', v)}
            onUseExample={() => set('template', EXAMPLE_TEMPLATE)}
            isExample={values.template === EXAMPLE_TEMPLATE}
          />
          <TemplateCheatSheet />
        </Stack>
      )}

      <PayloadPreviewPanel payload={toPayloadFormat(values)} events={values.events} forbiddenMessage={forbiddenMessage} onPayloadError={setFieldError} />
    </Stack>
  );
}
