import type { Category } from '../categories';
import { groupHeadline } from './group-headline';
import type { AlertNotification, NotificationKind } from './notification';

export interface GroupingOptions {
  groupWaitSeconds: number;
}

export interface NotificationGroup {
  /** Rule, kind and category: what the notifications have in common, whichever channel sends them. */
  key: string;
  kind: NotificationKind;
  rule: { id: string; name: string };
  category: Category;
  headline: string;
  /** When the group was due: its first notification's time plus the group wait. */
  dueAt: Date;
  notifications: AlertNotification[];
  /** One per integration, as the webhook body lists them. */
  integrations: { id: string; name: string; category: Category; message: string }[];
}

export interface Grouping {
  groups: NotificationGroup[];
  /** Not yet due: give them again on the next call. */
  waiting: AlertNotification[];
}

/**
 * The same rule announcing the same kind of news in the same category is one story when many integrations
 * tell it at once (the monitor's own DNS is down, one provider is down); the channel is left out of the key
 * so that every channel of the rule gets the same groups.
 */
function groupKey(notification: AlertNotification): string {
  return `${notification.rule.id}|${notification.kind}|${notification.category}`;
}

function groupOf(
  key: string,
  dueAt: Date,
  first: AlertNotification,
  others: AlertNotification[],
): NotificationGroup {
  const notifications = [first, ...others];
  // An integration told twice in one group is listed once, with its newest message.
  const byIntegration = new Map(notifications.map((n) => [n.integration.id, n]));
  const integrations = [...byIntegration.values()].map((n) => ({
    id: n.integration.id,
    name: n.integration.name,
    category: n.category,
    message: n.message,
  }));
  return {
    key,
    kind: first.kind,
    rule: first.rule,
    category: first.category,
    headline: groupHeadline(first.kind, first.category, integrations),
    dueAt,
    notifications,
    integrations,
  };
}

/**
 * Collapses notifications that share a key and became due within the group wait of the first of them into
 * one group, sent when that wait is over; later ones start the next group. Notifications of a group whose
 * wait is not over come back as `waiting`.
 */
export function groupNotifications(
  notifications: readonly AlertNotification[],
  { groupWaitSeconds }: GroupingOptions,
  now: Date,
): Grouping {
  const sorted = [...notifications].sort((a, b) => a.at.getTime() - b.at.getTime());
  const byKey = new Map<string, AlertNotification[]>();
  for (const n of sorted) byKey.set(groupKey(n), [...(byKey.get(groupKey(n)) ?? []), n]);
  const grouping: Grouping = { groups: [], waiting: [] };
  for (const [key, list] of byKey) {
    let rest = list;
    for (let first = rest[0]; first !== undefined; first = rest[0]) {
      const dueAt = new Date(first.at.getTime() + groupWaitSeconds * 1000);
      if (now.getTime() < dueAt.getTime()) {
        grouping.waiting.push(...rest);
        break;
      }
      const others = rest.slice(1).filter((n) => n.at.getTime() <= dueAt.getTime());
      grouping.groups.push(groupOf(key, dueAt, first, others));
      rest = rest.slice(1 + others.length);
    }
  }
  grouping.groups.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  grouping.waiting.sort((a, b) => a.at.getTime() - b.at.getTime());
  return grouping;
}
