import type { ResolverResult, SendIssueResult } from '../../../../src/shared/contract';
import type { EventKind } from '../../../../src/shared/events';
import { callResolver } from './call-resolver';

/** Sends a real issue to a saved connection as the given event, and answers with the exact request (`connections/sendIssue`). */
export function sendIssue(id: string, issueKey: string, event: EventKind): Promise<ResolverResult<SendIssueResult>> {
  return callResolver('connections/sendIssue', { id, issueKey, event });
}
