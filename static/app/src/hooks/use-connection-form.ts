import { useState } from 'react';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import { saveConnection } from '../api/save-connection';
import { toConnectionInput, toFormValues, type ConnectionFormValues } from '../model/connection-form-values';
import { formFieldFor, type FieldErrors } from '../model/field-errors';
import { validateConnectionForm } from '../model/validate-connection-form';

export interface ConnectionFormState {
  values: ConnectionFormValues;
  errors: FieldErrors;
  /** An error no input can show (permissions, conflicts, the backend being down). */
  formError?: ResolverError;
  saving: boolean;
  replacingToken: boolean;
  set: <K extends keyof ConnectionFormValues>(key: K, value: ConnectionFormValues[K]) => void;
  replaceToken: () => void;
  submit: () => Promise<void>;
}

/**
 * The create/edit form's state. Client checks run first; the server's field errors are authoritative
 * and land next to the input they name. On any error nothing else changes: the list keeps the stored copy.
 */
export function useConnectionForm(connection: ConnectionView | undefined, onSaved: (saved: ConnectionView) => void): ConnectionFormState {
  const [values, setValues] = useState(() => toFormValues(connection));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ResolverError>();
  const [saving, setSaving] = useState(false);
  const [replacingToken, setReplacingToken] = useState(false);
  // A stored key may be kept: "Replace API key" with an empty box means no change.
  const tokenRequired = connection?.token.set !== true;

  const set = <K extends keyof ConnectionFormValues>(key: K, value: ConnectionFormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    // An edited field's error is out of date; the next save says whether it still applies.
    const prefix = key === 'projectMode' ? 'projects' : key;
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([field]) => field !== prefix && !field.startsWith(`${prefix}.`))));
  };

  const submit = async () => {
    setFormError(undefined);
    const local = validateConnectionForm(values, tokenRequired);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    const { input, headerRows } = toConnectionInput(values, connection?.id);
    const result = await saveConnection(input);
    setSaving(false);
    if (result.ok) {
      onSaved(result.data);
      return;
    }
    const field = formFieldFor(result.error, headerRows);
    if (!field) {
      setFormError(result.error);
      return;
    }
    // The key input hides behind "Replace API key"; an error about it must be visible.
    if (field === 'token') setReplacingToken(true);
    setErrors({ [field]: result.error.message });
  };

  return { values, errors, formError, saving, replacingToken, set, replaceToken: () => setReplacingToken(true), submit };
}
