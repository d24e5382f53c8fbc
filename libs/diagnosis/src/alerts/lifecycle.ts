import type { AlertRule } from './alert-rule';
import {
  alertKey,
  type Alert,
  type AlertCause,
  type FiringAlert,
  type PendingAlert,
  type ResolvedAlert,
} from './alert';
import type { AlertIntegration } from './evaluated-result';

export interface AlertOwner {
  rule: AlertRule;
  integration: AlertIntegration;
}

export function pendingAlert(cause: AlertCause, { rule, integration }: AlertOwner, now: Date): PendingAlert {
  return { state: 'pending', key: alertKey(rule.id, integration.id, now), startedAt: now, cause };
}

/** A pending alert fires as itself, keeping when it started; otherwise a new alert starts now. */
export function firedAlert(
  alert: Alert | null,
  cause: AlertCause,
  owner: AlertOwner,
  now: Date,
): FiringAlert {
  const { key, startedAt } = alert?.state === 'pending' ? alert : pendingAlert(cause, owner, now);
  return {
    state: 'firing',
    key,
    startedAt,
    cause,
    firedAt: now,
    acknowledged: null,
    lastNotifiedAt: now,
    notices: 0,
    flapping: null,
  };
}

export function resolvedAlert(alert: FiringAlert, now: Date): ResolvedAlert {
  const { key, startedAt, cause, firedAt, acknowledged, notices } = alert;
  return { state: 'resolved', key, startedAt, cause, firedAt, resolvedAt: now, acknowledged, notices };
}
