import { Stack } from '@atlaskit/primitives';
import type { ConnectionView } from '../../../../src/shared/contract';
import type { ConnectionFormState } from '../hooks/use-connection-form';
import { ApiKeyField } from './ApiKeyField';
import { EnabledField } from './EnabledField';
import { EventsField } from './EventsField';
import { HeadersField } from './HeadersField';
import { NameField } from './NameField';
import { ProjectsField } from './ProjectsField';
import { NumberField } from './NumberField';
import { UrlField } from './UrlField';

interface Props {
  form: ConnectionFormState;
  connection: ConnectionView | undefined;
  allowedHosts: string[];
}

export function ConnectionFormFields({ form, connection, allowedHosts }: Props) {
  const { values, errors, set } = form;
  return (
    <Stack space="space.200">
      <NameField value={values.name} error={errors.name} onChange={(v) => set('name', v)} />
      <UrlField value={values.url} allowedHosts={allowedHosts} error={errors.url} onChange={(v) => set('url', v)} />
      <ApiKeyField
        token={connection?.token}
        editing={form.replacingToken}
        urlChanged={form.urlChanged}
        value={values.token}
        error={errors.token}
        onReplace={form.replaceToken}
        onChange={(v) => set('token', v)}
      />
      <EnabledField value={values.enabled} onChange={(v) => set('enabled', v)} />
      <EventsField value={values.events} error={errors.events} onChange={(v) => set('events', v)} />
      <ProjectsField
        mode={values.projectMode}
        keys={values.projectKeys}
        modeError={errors.projects}
        keysError={errors.projectKeys}
        onModeChange={(v) => set('projectMode', v)}
        onKeysChange={(v) => set('projectKeys', v)}
      />
      <HeadersField rows={values.headers} errors={errors} onChange={(v) => set('headers', v)} />
      <NumberField
        id="connection-rate-limit"
        label="Rate limit (requests per second)"
        helper="The listener's limit in Agent Studio: by default 5 requests per second for the whole organisation."
        value={values.rateLimitPerSecond}
        error={errors.rateLimitPerSecond}
        onChange={(v) => set('rateLimitPerSecond', v)}
      />
    </Stack>
  );
}
