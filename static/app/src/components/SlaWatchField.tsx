import { lazy, Suspense } from 'react';
import { Fieldset, HelperMessage } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives';
import { RadioGroup } from '@atlaskit/radio';
import type { SlaWatchMode } from '../model/sla-form-values';
import { FormField } from './FormField';

// react-select is not on the page until a picker is needed; "All SLAs", the default, never needs it.
const CreatableListSelect = lazy(() => import('./CreatableListSelect').then((m) => ({ default: m.CreatableListSelect })));

const OPTIONS: { value: SlaWatchMode; label: string }[] = [
  { value: 'all', label: 'All SLAs' },
  { value: 'some', label: 'Only these' },
];

const isWatchMode = (value: string): value is SlaWatchMode => OPTIONS.some((option) => option.value === value);

interface Props {
  watch: SlaWatchMode;
  names: string[];
  /** The SLA names this site has; empty without Jira Service Management. */
  siteNames: string[];
  error?: string;
  onWatchChange: (watch: SlaWatchMode) => void;
  onNamesChange: (names: string[]) => void;
}

export function SlaWatchField({ watch, names, siteNames, error, onWatchChange, onNamesChange }: Props) {
  return (
    <Fieldset legend="SLAs to watch">
      <Stack space="space.100">
        <RadioGroup
          name="sla-watch"
          options={OPTIONS.map((option) => ({ ...option, name: 'sla-watch', testId: `sla-watch-${option.value}` }))}
          value={watch}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isWatchMode(value)) onWatchChange(value);
          }}
        />
        {siteNames.length === 0 && (
          <Box testId="sla-no-fields">
            <HelperMessage>This site has no Service Management SLAs (or Jira Service Management is not installed).</HelperMessage>
          </Box>
        )}
        {watch === 'some' && (
          <FormField id="sla-names" label="SLA names" isRequired error={error} helper="By name, as Jira Service Management shows them on a request.">
            {(aria) => (
              // The fallback holds the picker's height, so the Save button does not jump when it arrives.
              <Suspense fallback={<div style={{ minHeight: '2.5rem' }} />}>
                <CreatableListSelect
                  aria={aria}
                  value={names}
                  onChange={onNamesChange}
                  suggestions={siteNames}
                  placeholder="Choose or type SLA names"
                  testId="sla-names"
                  // SLA names hold spaces and are matched case-insensitively, like issue type names.
                  ignoreCase
                />
              </Suspense>
            )}
          </FormField>
        )}
      </Stack>
    </Fieldset>
  );
}
