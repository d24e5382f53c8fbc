import type { Category } from '../categories';
import type { AlertSeverity } from './alert-rule';

/** What an alert is about, taken from the result (or the reading) that fired it. */
export interface AlertCause {
  category: Category;
  severity: AlertSeverity;
  message: string;
  troubleshooting: string[];
}

export interface Acknowledgement {
  by: string;
  at: Date;
}

interface AlertBase {
  /** Names this alert among all alerts: its rule, its integration and when it started. */
  key: string;
  startedAt: Date;
  cause: AlertCause;
}

/** The condition holds but has not yet held long or often enough to fire; nothing has been sent. */
export interface PendingAlert extends AlertBase {
  state: 'pending';
}

export interface FiringAlert extends AlertBase {
  state: 'firing';
  firedAt: Date;
  acknowledged: Acknowledgement | null;
  lastNotifiedAt: Date;
  /** Notifications announced so far; each carries its number as `sequence`, starting at 1. */
  notices: number;
  /**
   * Set while flapping: the alert stays open and sends nothing, while `conditionMet` follows the condition
   * underneath so that the alert can settle on the truth once it is stable.
   */
  flapping: { since: Date; conditionMet: boolean } | null;
}

export interface ResolvedAlert extends AlertBase {
  state: 'resolved';
  firedAt: Date;
  resolvedAt: Date;
  acknowledged: Acknowledgement | null;
  notices: number;
}

export type Alert = PendingAlert | FiringAlert | ResolvedAlert;

export function alertKey(ruleId: string, integrationId: string, startedAt: Date): string {
  return `${ruleId}/${integrationId}/${startedAt.toISOString()}`;
}
