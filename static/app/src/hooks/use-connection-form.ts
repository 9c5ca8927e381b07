import { useState } from 'react';
import type { ConnectionView, ResolverError } from '../../../../src/shared/contract';
import { saveConnection } from '../api/save-connection';
import { toConnectionInput, toFormValues, type ConnectionFormValues } from '../model/connection-form-values';
import { formFieldFor, listEntryMessage, tabOf, type FieldErrors, type FormTab } from '../model/field-errors';
import { urlChanged, validateConnectionForm } from '../model/validate-connection-form';

export interface ConnectionFormState {
  values: ConnectionFormValues;
  errors: FieldErrors;
  /** An error no input can show (permissions, conflicts, the backend being down). */
  formError?: ResolverError;
  saving: boolean;
  /** True once the key input shows: "Replace API key" was pressed, the URL changed, or the server asked for a key. */
  replacingToken: boolean;
  /** An edit pointing the connection at another listener: the stored key is not sent there, a new one is needed. */
  urlChanged: boolean;
  /** True when the values differ from what the dialog opened with: closing by accident would lose them. */
  dirty: boolean;
  /** The dialog tab on show; a failed save opens the tab of the first error. */
  tab: FormTab;
  setTab: (tab: FormTab) => void;
  /** Shows an error under an input without saving (the preview's template problems). */
  setFieldError: (field: string, message: string | undefined) => void;
  set: <K extends keyof ConnectionFormValues>(key: K, value: ConnectionFormValues[K]) => void;
  replaceToken: () => void;
  submit: () => Promise<void>;
}

/**
 * The create/edit form's state. Client checks run first; the server's field errors are authoritative
 * and land next to the input they name. On any error nothing else changes: the list keeps the stored copy.
 */
export function useConnectionForm(connection: ConnectionView | undefined, onSaved: (saved: ConnectionView) => void): ConnectionFormState {
  const [initialValues] = useState(() => toFormValues(connection));
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ResolverError>();
  const [saving, setSaving] = useState(false);
  const [replacingToken, setReplacingToken] = useState(false);
  const [tab, setTab] = useState<FormTab>('details');
  // A stored key may be kept: "Replace API key" with an empty box means no change.
  const stored = { tokenRequired: connection?.token.set !== true, storedUrl: connection?.url };
  const changedUrl = urlChanged(values, stored.storedUrl);
  const dirty = values !== initialValues && JSON.stringify(values) !== JSON.stringify(initialValues);
  // The key input appears as soon as the URL points elsewhere, and stays: a key typed there is never hidden.
  if (changedUrl && !replacingToken) setReplacingToken(true);

  const set = <K extends keyof ConnectionFormValues>(key: K, value: ConnectionFormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    // An edited field's error is out of date; the next save says whether it still applies.
    // A new payload format makes the old format's errors moot.
    const prefixes = key === 'projectMode' ? ['projects'] : key === 'payloadMode' ? ['template', 'payloadFields'] : [key];
    setErrors((previous) =>
      Object.fromEntries(Object.entries(previous).filter(([field]) => !prefixes.some((prefix) => field === prefix || field.startsWith(`${prefix}.`)))),
    );
  };

  const setFieldError = (field: string, message: string | undefined) =>
    setErrors((previous) => {
      const next = { ...previous };
      if (message) next[field] = message;
      else delete next[field];
      return next;
    });

  /** Opens the tab that shows the first error, in the order the tabs are read. */
  const showErrors = (found: FieldErrors) => {
    const tabs = Object.keys(found).map(tabOf);
    const first = (['details', 'payload', 'conditions'] as const).find((t) => tabs.includes(t));
    if (first) setTab(first);
    // The admin is at the Save button, often below the fields in error: bring the first one into view once
    // the errors (and the tab) are drawn. Focus stays on Save.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => document.querySelector('[role="dialog"] [aria-invalid="true"]')?.scrollIntoView({ block: 'center' })),
    );
  };

  const submit = async () => {
    setFormError(undefined);
    const local = validateConnectionForm(values, stored);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      showErrors(local);
      return;
    }
    setSaving(true);
    const { input, headerRows } = toConnectionInput(values, connection);
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
    const listed: Partial<Record<string, readonly string[]>> = {
      payloadFields: values.payloadFields,
      issueTypes: values.issueTypes,
      changedFields: values.changedFields,
      ignoreAccounts: values.ignoreAccounts.map((user) => user.displayName),
    };
    const entries = listed[field];
    const found = { [field]: entries ? listEntryMessage(result.error, entries) : result.error.message };
    setErrors(found);
    showErrors(found);
  };

  return {
    values,
    errors,
    formError,
    saving,
    replacingToken,
    urlChanged: changedUrl,
    dirty,
    tab,
    setTab,
    setFieldError,
    set,
    replaceToken: () => setReplacingToken(true),
    submit,
  };
}
