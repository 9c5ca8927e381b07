import { useState } from 'react';
import type { ResolverError, SlaOverview, SlaSettings } from '../../../../src/shared/contract';
import { saveSlaSettings } from '../api/save-sla-settings';
import type { FieldErrors } from '../model/field-errors';
import { slaFieldErrors } from '../model/sla-field-errors';
import { toSlaFormValues, toSlaSettings, validateSlaForm, type SlaFormValues } from '../model/sla-form-values';

export interface SlaSettingsFormState {
  values: SlaFormValues;
  /** Keyed by `warnBeforeMinutes` and `slaNames`. */
  errors: FieldErrors;
  /** An error no input can show (permissions, the backend being down). */
  formError?: ResolverError;
  saving: boolean;
  set: <K extends keyof SlaFormValues>(key: K, value: SlaFormValues[K]) => void;
  submit: () => Promise<void>;
}

/**
 * The SLA settings form's state. Client checks run first; the server's field errors are authoritative
 * and land next to the input they name. `stored` is what the backend holds: when it changes (a save, or
 * another admin's save seen on reload) the form shows it; a reload with the same settings keeps the edits.
 */
export function useSlaSettingsForm(stored: SlaSettings, onSaved: (overview: SlaOverview) => void): SlaSettingsFormState {
  const [values, setValues] = useState(() => toSlaFormValues(stored));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ResolverError>();
  const [saving, setSaving] = useState(false);
  // Compared by value: every reload brings a new object, but only new settings should replace the edits.
  const storedKey = JSON.stringify(stored);
  const [shownKey, setShownKey] = useState(storedKey);
  if (shownKey !== storedKey) {
    // React's pattern for state that follows a prop: set during render, no effect and no flash of old values.
    setShownKey(storedKey);
    setValues(toSlaFormValues(stored));
  }

  const set = <K extends keyof SlaFormValues>(key: K, value: SlaFormValues[K]) => {
    setValues((previous) => ({ ...previous, [key]: value }));
    // An edited field's error is out of date; the next save says whether it still applies.
    const field = key === 'watch' ? 'slaNames' : key;
    setErrors((previous) => Object.fromEntries(Object.entries(previous).filter(([name]) => name !== field)));
  };

  const submit = async () => {
    setFormError(undefined);
    const local = validateSlaForm(values);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    const settings = toSlaSettings(values);
    const result = await saveSlaSettings(settings);
    setSaving(false);
    if (result.ok) {
      onSaved(result.data);
      return;
    }
    const found = slaFieldErrors(result.error, settings.slaNames);
    if (found) setErrors(found);
    else setFormError(result.error);
  };

  return { values, errors, formError, saving, set, submit };
}
