import type { ResolverError } from '../../../../src/shared/contract';
import type { FieldErrors } from './field-errors';

/**
 * Places an `sla/save` error on its input: `warnBeforeMinutes`, or `slaNames` and `slaNames.<n>` (which
 * names the entry, since "Enter an SLA name" alone does not say which chip is wrong). Undefined when no
 * input matches: the form shows the error above its fields instead.
 */
export function slaFieldErrors(error: ResolverError, slaNames: readonly string[]): FieldErrors | undefined {
  const [top, index] = error.field?.split('.') ?? [];
  if (top === 'warnBeforeMinutes') return { warnBeforeMinutes: error.message };
  if (top !== 'slaNames') return undefined;
  const entry = index === undefined ? undefined : slaNames[Number(index)];
  return { slaNames: entry === undefined ? error.message : `“${entry}”: ${error.message}` };
}
