import type { FieldError } from '@ihm/contracts';

export type MonitorErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'TOO_MANY_ATTEMPTS'
  | 'INTEGRATION_NOT_FOUND'
  | 'INTEGRATION_NAME_TAKEN'
  | 'SECRETS_UNREADABLE';

/** The monitor's domain error. Services throw it; each transport maps the code to its own status. */
export class MonitorError extends Error {
  constructor(
    readonly code: MonitorErrorCode,
    message: string,
    readonly details?: FieldError[],
  ) {
    super(message);
    this.name = 'MonitorError';
  }
}
