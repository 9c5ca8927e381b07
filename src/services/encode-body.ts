import { fitBody } from '../core/fit-body';
import type { JiraWebhookBody } from '../core/webhook-body';

export type EncodedBody = { ok: true; body: string; droppedFields: string[] } | { ok: false; reason: string };

/** The JSON body within Agent Studio's 1 MB limit (largest issue fields dropped and named if needed). */
export function encodeBody(payload: JiraWebhookBody): EncodedBody {
  const fitted = fitBody(payload);
  if (!fitted) return { ok: false, reason: 'The event is over 1 MB even without its issue fields, so the listener would refuse it.' };
  return { ok: true, body: fitted.body, droppedFields: fitted.droppedFields };
}
