import { ErrorMessage, Fieldset, HelperMessage } from '@atlaskit/form';
import { Box, Stack } from '@atlaskit/primitives';
import { RadioGroup } from '@atlaskit/radio';
import type { ProjectMode } from '../model/connection-form-values';
import { FormField } from './FormField';
import { ProjectPicker } from './ProjectPicker';

const OPTIONS: { value: ProjectMode; label: string }[] = [
  { value: 'all', label: 'All projects' },
  { value: 'selected', label: 'Selected projects' },
  { value: 'optIn', label: 'Only projects whose admins opt in' },
];

function isProjectMode(value: string): value is ProjectMode {
  return OPTIONS.some((option) => option.value === value);
}

interface Props {
  mode: ProjectMode;
  keys: string[];
  modeError?: string;
  keysError?: string;
  onModeChange: (mode: ProjectMode) => void;
  onKeysChange: (keys: string[]) => void;
}

export function ProjectsField({ mode, keys, modeError, keysError, onModeChange, onKeysChange }: Props) {
  return (
    <Fieldset legend="Projects">
      <Stack space="space.100">
        <RadioGroup
          name="projects"
          options={OPTIONS.map((option) => ({ ...option, name: 'projects', testId: `projects-${option.value}` }))}
          value={mode}
          isInvalid={Boolean(modeError)}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isProjectMode(value)) onModeChange(value);
          }}
        />
        {modeError && (
          <Box testId="connection-projects-error">
            <ErrorMessage>{modeError}</ErrorMessage>
          </Box>
        )}
        {mode === 'optIn' && <HelperMessage>Project admins turn forwarding on in their project settings.</HelperMessage>}
        {mode === 'selected' && (
          <FormField id="connection-project-keys" label="Projects to forward" isRequired error={keysError}>
            {(aria) => <ProjectPicker aria={aria} value={keys} onChange={onKeysChange} />}
          </FormField>
        )}
      </Stack>
    </Fieldset>
  );
}
