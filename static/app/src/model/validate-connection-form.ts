import { RESERVED_HEADER_NAMES } from '../../../../src/shared/listener-url-hint';
import type { ConnectionFormValues } from './connection-form-values';
import type { FieldErrors } from './field-errors';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Jira field ids as the backend accepts them: summary, priority, customfield_10010. */
export const FIELD_ID = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;

function badFieldId(list: string[]): string | undefined {
  const bad = list.find((id) => !FIELD_ID.test(id));
  return bad === undefined ? undefined : `“${bad}” is not a field id. Use ids such as summary, priority or customfield_10010.`;
}

/**
 * Checks the admin can fix before a round trip. The server validates everything again and its
 * field errors win; this only saves a wait on the obvious mistakes.
 */
export function validateConnectionForm(values: ConnectionFormValues, tokenRequired: boolean): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = 'Enter a name for this connection.';
  if (!values.url.trim()) errors.url = 'Enter the listener URL.';
  if (tokenRequired && !values.token.trim()) errors.token = 'Enter the API key of the listener.';
  if (values.events.length === 0) errors.events = 'Choose at least one event.';
  if (values.projectMode === 'selected' && values.projectKeys.length === 0) errors.projectKeys = 'Choose at least one project.';
  const rate = Number(values.rateLimitPerSecond);
  if (!values.rateLimitPerSecond.trim() || !Number.isFinite(rate) || rate <= 0) {
    errors.rateLimitPerSecond = 'Enter a number of requests per second greater than 0, for example 5.';
  }
  if (values.payloadMode !== 'jira' && !values.template.trim()) errors.template = 'Write a template, or choose the Jira webhook format.';
  if (values.payloadMode === 'jira') {
    const bad = badFieldId(values.payloadFields);
    if (bad) errors.payloadFields = bad;
  }
  const badChanged = badFieldId(values.changedFields);
  if (badChanged) errors.changedFields = badChanged;
  values.headers.forEach((row, index) => {
    const name = row.name.trim();
    if (!name && !row.value.trim()) return;
    if (!name) errors[`headers.${index}.name`] = 'Enter a header name.';
    else if (!HEADER_NAME.test(name)) errors[`headers.${index}.name`] = 'Use letters, digits and hyphens only.';
    else if (RESERVED_HEADER_NAMES.includes(name.toLowerCase())) {
      errors[`headers.${index}.name`] = `${name} is set by the app and cannot be overridden. Put credentials in the API key.`;
    }
  });
  return errors;
}
