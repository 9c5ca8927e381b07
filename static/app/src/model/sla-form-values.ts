import type { SlaSettings } from '../../../../src/shared/contract';
import type { FieldErrors } from './field-errors';

/** The "SLAs to watch" radio: every SLA of the site, or only the named ones. */
export type SlaWatchMode = 'all' | 'some';

/** What the SLA settings form holds: the minutes stay text until submit, as typed. */
export interface SlaFormValues {
  warnBeforeMinutes: string;
  watch: SlaWatchMode;
  slaNames: string[];
}

/** The backend stores "all SLAs" as an empty list. */
export function toSlaFormValues(settings: SlaSettings): SlaFormValues {
  return {
    warnBeforeMinutes: String(settings.warnBeforeMinutes),
    watch: settings.slaNames.length > 0 ? 'some' : 'all',
    slaNames: settings.slaNames,
  };
}

/** Names picked before switching back to "All SLAs" are dropped, or they would narrow the scan. */
export function toSlaSettings(values: SlaFormValues): SlaSettings {
  return {
    warnBeforeMinutes: Number(values.warnBeforeMinutes),
    slaNames: values.watch === 'some' ? values.slaNames : [],
  };
}

/**
 * Only what the server cannot be sent: no number, or "Only these" with nothing picked (which it would
 * store as "all"). The range of minutes is the server's to judge, so its rule lives in one place.
 */
export function validateSlaForm(values: SlaFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const text = values.warnBeforeMinutes.trim();
  if (!text || !Number.isFinite(Number(text))) errors.warnBeforeMinutes = 'Enter a number of minutes, or 0 for no warnings.';
  if (values.watch === 'some' && values.slaNames.length === 0) errors.slaNames = 'Choose at least one SLA, or watch all SLAs.';
  return errors;
}
