import { RelayError } from './relay-error';

/**
 * Another writer held the configuration's lock for longer than a save waits. A RelayError, so a resolver
 * answers it as it is; its own class, so background writers (the breaker) can tell it from real failures.
 */
export class ConfigBusyError extends RelayError {
  constructor() {
    super('CONFLICT', 'Another change to the relay’s configuration is being saved. Try again in a moment.');
    this.name = 'ConfigBusyError';
  }
}
