import Button from '@atlaskit/button/new';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import type { SlaOverview } from '../../../../src/shared/contract';
import { useSlaSettingsForm } from '../hooks/use-sla-settings-form';
import { ErrorSectionMessage } from './ErrorSectionMessage';
import { NumberField } from './NumberField';
import { SlaWatchField } from './SlaWatchField';
import { VisibleAlert } from './VisibleAlert';
import { VisuallyHidden } from './VisuallyHidden';

const formStyles = xcss({ maxWidth: '480px' });

interface Props {
  overview: SlaOverview;
  forbiddenMessage: string;
  onSaved: (overview: SlaOverview) => void;
}

/** The scan's two settings: how early to warn, and which SLAs to watch. */
export function SlaSettingsForm({ overview, forbiddenMessage, onSaved }: Props) {
  const form = useSlaSettingsForm(overview.settings, onSaved);
  const { values, errors, set } = form;
  // Two SLA fields of one name (one per service project) are one choice: the scan matches by name.
  const siteNames = [...new Set(overview.fields.map((field) => field.name))];
  return (
    <Box xcss={formStyles}>
      <form
        aria-label="SLA scan settings"
        data-testid="sla-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void form.submit();
        }}
      >
        <Stack space="space.200">
          {Object.keys(errors).length > 0 && (
            // Announced once per failed save; each message sits next to its field.
            <div role="alert">
              <VisuallyHidden>Fix the fields marked in red and save again.</VisuallyHidden>
            </div>
          )}
          <NumberField
            id="sla-warn-minutes"
            label="Warn before breach (minutes)"
            helper="“SLA about to breach” is sent when this much time is left: 5 minutes or more, or 0 for no warnings."
            integer
            value={values.warnBeforeMinutes}
            error={errors.warnBeforeMinutes}
            onChange={(v) => set('warnBeforeMinutes', v)}
          />
          <SlaWatchField
            watch={values.watch}
            names={values.slaNames}
            siteNames={siteNames}
            error={errors.slaNames}
            onWatchChange={(v) => set('watch', v)}
            onNamesChange={(v) => set('slaNames', v)}
          />
          {form.formError && (
            // Next to the button that failed, and scrolled into view.
            <VisibleAlert>
              <ErrorSectionMessage error={form.formError} forbiddenMessage={forbiddenMessage} title="The SLA settings were not saved" testId="sla-form-error" />
            </VisibleAlert>
          )}
          <Box>
            <Button type="submit" appearance="primary" isLoading={form.saving} testId="sla-save">
              Save SLA settings
            </Button>
          </Box>
        </Stack>
      </form>
    </Box>
  );
}
