import type { AlertState } from './alert-state';
import type { AlertEvaluation } from './evaluate';
import { resolvedAlert } from './lifecycle';
import { announceResolved, type CloseReason, type NotificationSubject } from './notification';

/**
 * Stops watching one (integration, rule): the integration or the rule is deleted, or the rule's scope no longer
 * takes the integration in. A firing alert resolves and says why, so that receivers that keep it open
 * (PagerDuty's incident, Alertmanager's alert) close it instead of waiting for news that will never come; a
 * pending one lapses unannounced; anything else stays as it is.
 */
export function closeAlert(
  state: AlertState,
  subject: NotificationSubject,
  reason: CloseReason,
  now: Date,
): AlertEvaluation {
  const { alert } = state;
  if (alert?.state === 'pending') return { state: { ...state, alert: null }, notifications: [] };
  if (alert?.state !== 'firing') return { state, notifications: [] };
  const announced = announceResolved(resolvedAlert(alert, now), subject, now, reason);
  return { state: { ...state, alert: announced.alert }, notifications: announced.notifications };
}
