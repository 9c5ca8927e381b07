import { kvs } from '@forge/kvs';
import { isAlreadyExists } from './kvs-errors';
import type { AttemptClaims } from '../services/ports';

/**
 * "Only one consumer sends attempt n": a key written with FAIL_IF_EXISTS. Two queue jobs for the same
 * delivery (a released backlog racing a parked retry) then cannot both send. Claims expire after a day.
 */
export class KvsAttemptClaims implements AttemptClaims {
  async claim(eventId: string, connectionId: string, attempt: number): Promise<boolean> {
    try {
      await kvs.set(`claim:${eventId}:${connectionId}:${attempt}`, 1, { keyPolicy: 'FAIL_IF_EXISTS', ttl: { value: 1, unit: 'DAYS' } });
      return true;
    } catch (error) {
      if (isAlreadyExists(error)) return false;
      throw error;
    }
  }
}
