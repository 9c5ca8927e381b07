import { RESERVED_HEADER_NAMES } from '../../../../src/shared/listener-url-hint';
import type { ConnectionFormValues } from './connection-form-values';
import type { FieldErrors } from './field-errors';

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

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
