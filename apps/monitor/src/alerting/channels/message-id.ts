import { createHash } from 'node:crypto';

/** One notification of an alert: `sequence` numbers the alert's notifications. */
export interface NotificationRef {
  alertKey: string;
  sequence: number;
}

/**
 * The `msg_…` id of a message about these notifications: the same whenever the same notifications are sent,
 * in any order, so a retry (or another worker's delivery after a crash) carries the id receivers deduplicate
 * on. Hashed because alert keys hold `.`, which a Standard Webhooks id must not contain (the signed content is
 * `id.timestamp.body`).
 */
export function channelMessageId(notifications: readonly NotificationRef[]): string {
  const names = [...new Set(notifications.map((n) => `${n.alertKey}#${n.sequence}`))].sort();
  return `msg_${createHash('sha256').update(names.join('\n')).digest('base64url').slice(0, 24)}`;
}
