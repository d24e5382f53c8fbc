import { createHash } from 'node:crypto';

/** One notification of an alert: `sequence` numbers the alert's notifications. */
export interface NotificationRef {
  alertKey: string;
  sequence: number;
}

/**
 * Hashed because alert keys hold `.`, which a Standard Webhooks id must not contain (the signed content is
 * `id.timestamp.body`); sorted, so that the same names in any order give the same id.
 */
function messageIdOf(names: readonly string[]): string {
  const sorted = [...new Set(names)].sort();
  return `msg_${createHash('sha256').update(sorted.join('\n')).digest('base64url').slice(0, 24)}`;
}

/**
 * The `msg_…` id of the message about one notification: the same whenever it is sent, so a retry (or another
 * worker's delivery after a crash) carries the id receivers deduplicate on.
 */
export function channelMessageId({ alertKey, sequence }: NotificationRef): string {
  return messageIdOf([`${alertKey}#${sequence}`]);
}

/** The id of a group's message, from its notifications' ids: a group is sent again only as the same group. */
export function groupMessageId(memberIds: readonly string[]): string {
  return memberIds.length === 1 && memberIds[0] ? memberIds[0] : messageIdOf(memberIds);
}
