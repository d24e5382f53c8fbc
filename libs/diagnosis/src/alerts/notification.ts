import type { Category } from '../categories';
import type { AlertSeverity } from './alert-rule';
import type { FiringAlert, ResolvedAlert } from './alert';
import type { AlertIntegration } from './evaluated-result';

export type NotificationKind = 'firing' | 'resolved' | 'flapping' | 'renotify' | 'category_changed';

/** Who a notification is about: the rule and the integration. */
export interface NotificationSubject {
  rule: { id: string; name: string };
  integration: AlertIntegration;
}

interface NotificationBase extends NotificationSubject {
  alertKey: string;
  /** The alert's notifications are numbered from 1: (alertKey, sequence) names one notification. */
  sequence: number;
  /** When it became due. */
  at: Date;
  category: Category;
  severity: AlertSeverity;
  message: string;
  troubleshooting: string[];
  startedAt: Date;
}

export type FiringNotice =
  | { kind: 'firing' }
  | { kind: 'renotify' }
  | { kind: 'category_changed'; previousCategory: Category }
  | { kind: 'flapping'; flappingSince: Date };

/** Why an alert was resolved without its condition clearing: what it watched is no longer watched. */
export type CloseReason = 'integration_deleted' | 'rule_deleted' | 'out_of_scope';

export type AlertNotification =
  | (NotificationBase & FiringNotice)
  | (NotificationBase & { kind: 'resolved'; resolvedAt: Date; closed?: CloseReason });

export interface Announcement<A> {
  alert: A;
  notifications: AlertNotification[];
}

function base(
  alert: FiringAlert | ResolvedAlert,
  sequence: number,
  subject: NotificationSubject,
  at: Date,
): NotificationBase {
  return {
    rule: { id: subject.rule.id, name: subject.rule.name },
    integration: subject.integration,
    alertKey: alert.key,
    sequence,
    at,
    category: alert.cause.category,
    severity: alert.cause.severity,
    message: alert.cause.message,
    troubleshooting: alert.cause.troubleshooting,
    startedAt: alert.startedAt,
  };
}

/** A firing alert's notification, stating the alert as it is now. */
export function firingNotification(
  alert: FiringAlert,
  notice: FiringNotice,
  sequence: number,
  subject: NotificationSubject,
  at: Date,
): AlertNotification {
  return { ...base(alert, sequence, subject, at), ...notice };
}

/** The next notification of a firing alert, counted on the alert. */
export function announceFiring(
  alert: FiringAlert,
  notice: FiringNotice,
  subject: NotificationSubject,
  now: Date,
): Announcement<FiringAlert> {
  const next = { ...alert, notices: alert.notices + 1, lastNotifiedAt: now };
  return { alert: next, notifications: [firingNotification(next, notice, next.notices, subject, now)] };
}

export function announceResolved(
  alert: ResolvedAlert,
  subject: NotificationSubject,
  now: Date,
  closed?: CloseReason,
): Announcement<ResolvedAlert> {
  const next = { ...alert, notices: alert.notices + 1 };
  const notification = {
    ...base(next, next.notices, subject, now),
    kind: 'resolved' as const,
    resolvedAt: next.resolvedAt,
    ...(closed ? { closed } : {}),
  };
  return { alert: next, notifications: [notification] };
}
