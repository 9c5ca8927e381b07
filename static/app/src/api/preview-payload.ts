import type { PayloadFormat, PayloadPreview, ResolverResult } from '../../../../src/shared/contract';
import type { EventKind } from '../../../../src/shared/events';
import { callResolver } from './call-resolver';

/** Renders a payload format (saved or not) for a real issue and event (`connections/preview`). */
export function previewPayload(payload: PayloadFormat, issueKey: string, event: EventKind): Promise<ResolverResult<PayloadPreview>> {
  return callResolver('connections/preview', { payload, issueKey, event });
}
