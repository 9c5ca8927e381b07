import { Field, Fieldset } from '@atlaskit/form';
import { RadioGroup } from '@atlaskit/radio';
import Textfield from '@atlaskit/textfield';
import type { ProjectMode } from '../model/connection-form-values';
import { FieldMessages } from './FieldMessages';

const OPTIONS: { value: ProjectMode; label: string }[] = [
  { value: 'all', label: 'All projects' },
  { value: 'selected', label: 'Selected projects' },
  { value: 'optIn', label: 'Only projects whose admins opt in' },
];

function isProjectMode(value: string): value is ProjectMode {
  return OPTIONS.some((option) => option.value === value);
}

export function ProjectsField({ defaultMode, defaultKeys }: { defaultMode: ProjectMode; defaultKeys: string }) {
  return (
    <Fieldset legend="Projects">
      <Field<ProjectMode> name="projects" defaultValue={defaultMode}>
        {({ fieldProps, error }) => (
          <>
            <RadioGroup
              name="projects"
              options={OPTIONS.map((option) => ({ ...option, name: 'projects', testId: `projects-${option.value}` }))}
              value={fieldProps.value}
              isInvalid={fieldProps.isInvalid}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isProjectMode(value)) fieldProps.onChange(value);
              }}
            />
            <FieldMessages
              helper={fieldProps.value === 'optIn' ? 'Project admins turn forwarding on in their project settings.' : undefined}
              error={error}
            />
            {fieldProps.value === 'selected' && (
              <Field<string> name="projectKeys" label="Project keys" isRequired defaultValue={defaultKeys}>
                {({ fieldProps: keyProps, error: keyError }) => (
                  <>
                    <Textfield {...keyProps} spellCheck={false} autoComplete="off" testId="connection-project-keys" />
                    <FieldMessages helper="Comma-separated, e.g. ITSM, HR" error={keyError} />
                  </>
                )}
              </Field>
            )}
          </>
        )}
      </Field>
    </Fieldset>
  );
}
