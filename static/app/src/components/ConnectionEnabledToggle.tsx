import { useState } from 'react';
import Toggle from '@atlaskit/toggle';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import { saveConnection } from '../api/save-connection';
import { withEnabled } from '../model/connection-form-values';

interface Props {
  connection: ConnectionView;
  onSaved: (saved: ConnectionView) => void;
  onError: (error: ResolverError, connection: ConnectionView) => void;
}

/** Saves at once, like Jira's own list toggles; on failure it stays at the stored value. */
export function ConnectionEnabledToggle({ connection, onSaved, onError }: Props) {
  const [saving, setSaving] = useState(false);
  const change = async (enabled: boolean) => {
    setSaving(true);
    const result = await saveConnection(withEnabled(connection, enabled));
    setSaving(false);
    if (result.ok) onSaved(result.data);
    else onError(result.error, connection);
  };
  return (
    <Toggle
      id={`connection-enabled-${connection.id}`}
      label={`Forward events to ${connection.name}`}
      isChecked={connection.enabled}
      isLoading={saving}
      onChange={(event) => void change(event.currentTarget.checked)}
      testId={`connection-enabled-${connection.id}`}
    />
  );
}
