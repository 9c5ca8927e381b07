import type { ErrorCode } from '../shared/contract';

/** A known failure with a message fit for the user; resolvers turn it into `{ ok: false, error }`. */
export class RelayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RelayError';
  }
}

export const invalidInput = (field: string, message: string): RelayError => new RelayError('INVALID_INPUT', message, field);
