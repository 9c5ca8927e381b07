import { useState } from 'react';
import Button from '@atlaskit/button/new';
import Form, { FormFooter } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import { saveConnection } from '../api/save-connection';
import { toConnectionInput, toFormValues, type ConnectionFormValues } from '../model/connection-form-values';
import { formFieldFor } from '../model/field-errors';
import { ApiKeyField } from './ApiKeyField';
import { EnabledField } from './EnabledField';
import { EventsField } from './EventsField';
import { NameField } from './NameField';
import { ProjectsField } from './ProjectsField';
import { RateLimitField } from './RateLimitField';
import { UrlField } from './UrlField';

interface Props {
  connection: ConnectionView | undefined;
  allowedHosts: string[];
  onSaved: (connection: ConnectionView) => void;
  /** Called with the error to show above the form, or undefined to clear it. */
  onError: (error: ResolverError | undefined) => void;
}

/** Errors keyed by form field: Atlaskit Form shows each next to its input. */
type SubmitErrors = Partial<Record<keyof ConnectionFormValues, string>>;

/**
 * Edits one connection. Remount it (React `key`) after a save so the fields start from the saved
 * values: Atlaskit Form reads default values only once.
 */
export function ConnectionForm({ connection, allowedHosts, onSaved, onError }: Props) {
  const defaults = toFormValues(connection);
  const [replacingToken, setReplacingToken] = useState(false);

  const submit = async (values: ConnectionFormValues): Promise<SubmitErrors | undefined> => {
    onError(undefined);
    const result = await saveConnection(toConnectionInput(values, connection?.id));
    if (result.ok) {
      onSaved(result.data);
      return undefined;
    }
    const field = formFieldFor(result.error, values);
    if (!field) {
      onError(result.error);
      return undefined;
    }
    // The key input is hidden behind "Replace API key"; an error about it must be visible.
    if (field === 'token') setReplacingToken(true);
    onError({ code: result.error.code, message: 'Fix the field marked below and save again.' });
    return { [field]: result.error.message };
  };

  return (
    <Form<ConnectionFormValues> onSubmit={submit}>
      {({ formProps, submitting }) => (
        // Long single-line inputs are hard to scan on wide Jira screens.
        <form {...formProps} aria-label="Connection settings" data-testid="connection-form" style={{ maxWidth: '42rem' }}>
          <Stack space="space.100">
            <NameField defaultValue={defaults.name} />
            <UrlField defaultValue={defaults.url} allowedHosts={allowedHosts} />
            <ApiKeyField token={connection?.token} editing={replacingToken} onReplace={() => setReplacingToken(true)} />
            <EnabledField defaultValue={defaults.enabled} />
            <EventsField defaultValue={defaults.events} />
            <ProjectsField defaultMode={defaults.projects} defaultKeys={defaults.projectKeys} />
            <RateLimitField defaultValue={defaults.rateLimitPerSecond} />
          </Stack>
          <FormFooter align="start">
            <Button type="submit" appearance="primary" isLoading={submitting} testId="save-connection">
              Save
            </Button>
          </FormFooter>
        </form>
      )}
    </Form>
  );
}
