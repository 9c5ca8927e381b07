import { kvs } from '@forge/kvs';
import { ATTEMPT_CLAIM_TTL_MINUTES } from '../core/attempt-claim';
import { isAlreadyExists } from './kvs-errors';
import type { AttemptClaims } from '../services/ports';

/**
 * "Only one worker sends attempt n": a key written with FAIL_IF_EXISTS. Two queue jobs for the same
 * delivery (a released backlog racing a parked retry), or a retried trigger and a job its earlier
 * invocation pushed, then cannot both send. Claims are short-lived (src/core/attempt-claim.ts), so one left
 * by an invocation that died mid-attempt cannot block the delivery for good.
 */
export class KvsAttemptClaims implements AttemptClaims {
  async claim(eventId: string, connectionId: string, attempt: number): Promise<boolean> {
    try {
      await kvs.set(claimKey(eventId, connectionId, attempt), 1, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: ATTEMPT_CLAIM_TTL_MINUTES, unit: 'MINUTES' } });
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }

  async release(eventId: string, connectionId: string, attempt: number): Promise<void> {
    await kvs.delete(claimKey(eventId, connectionId, attempt));
  }
}

function claimKey(eventId: string, connectionId: string, attempt: number): string {
  return `claim:${eventId}:${connectionId}:${attempt}`;
}
