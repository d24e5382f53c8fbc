import type { FieldError } from '@ihm/contracts';

export type MonitorErrorCode =
  | 'VALIDATION_FAILED'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'API_TOKEN_NOT_FOUND'
  | 'USER_NOT_FOUND'
  | 'USER_EMAIL_TAKEN'
  | 'INVITE_NOT_FOUND'
  | 'TOO_MANY_ATTEMPTS'
  | 'INTEGRATION_NOT_FOUND'
  | 'INTEGRATION_NAME_TAKEN'
  | 'INTEGRATION_NOT_PROBED'
  | 'ALERT_RULE_NOT_FOUND'
  | 'ALERT_RULE_NAME_TAKEN'
  | 'CHANNEL_NOT_FOUND'
  | 'CHANNEL_NAME_TAKEN'
  | 'ALERT_NOT_FOUND'
  | 'SILENCE_NOT_FOUND'
  | 'SECRETS_UNREADABLE'
  | 'MANAGED_BY_FILE'
  | 'NO_SHAPE_DRIFT';

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

/** An edit through the API of something a config file manages: Git stays the truth, so the file must change. */
export function managedByFile(what: string, name: string, file: string): MonitorError {
  return new MonitorError(
    'MANAGED_BY_FILE',
    `The ${what} "${name}" is managed by the config file ${file}: change it there and apply the file (npm run config -- apply ${file})`,
  );
}
