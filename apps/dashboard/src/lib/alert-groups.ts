import type { Alert } from '@ihm/contracts';

export type AlertState = Alert['state'];

/** The Alerts page's sections: what needs someone now first, then what may, then what is over. */
export const ALERT_GROUPS: readonly { state: AlertState; label: string }[] = [
  { state: 'firing', label: 'Firing' },
  { state: 'pending', label: 'Pending' },
  { state: 'resolved', label: 'Recently resolved' },
];

export interface AlertGroup {
  state: AlertState;
  label: string;
  items: Alert[];
}

/** The alerts in the page's sections, each newest first; sections without alerts are left out. */
export function groupAlerts(alerts: readonly Alert[]): AlertGroup[] {
  return ALERT_GROUPS.map(({ state, label }) => ({
    state,
    label,
    items: alerts
      .filter((alert) => alert.state === state)
      .sort((a, b) => Date.parse(alertSince(b)) - Date.parse(alertSince(a))),
  })).filter((group) => group.items.length > 0);
}

/** Since when the alert is in its state: fired, started waiting, or resolved. */
export function alertSince(alert: Pick<Alert, 'state' | 'startedAt' | 'firedAt' | 'resolvedAt'>): string {
  if (alert.state === 'resolved') return alert.resolvedAt ?? alert.firedAt ?? alert.startedAt;
  if (alert.state === 'firing') return alert.firedAt ?? alert.startedAt;
  return alert.startedAt;
}

/** Only a firing alert that nobody has taken yet can be acknowledged. */
export function canAcknowledge(alert: Pick<Alert, 'state' | 'acknowledgedAt'>): boolean {
  return alert.state === 'firing' && alert.acknowledgedAt === null;
}

/** "fired", "started", "resolved": what happened at `alertSince`, for "fired 5 min ago". */
export function sinceVerb(state: AlertState): string {
  return { firing: 'fired', pending: 'started', resolved: 'resolved' }[state];
}
