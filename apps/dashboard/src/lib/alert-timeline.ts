import type { AlertDetail, Delivery } from '@ihm/contracts';

/** One line of an alert's timeline: a change of the alert itself, or one attempt to deliver a notification. */
export type TimelineEntry =
  | { type: 'change'; at: string; text: string }
  | {
      type: 'delivery';
      at: string;
      text: string;
      channel: string;
      outcome: Delivery['outcome'];
      status: number | null;
      error: string | null;
    };

const NOTIFICATION_LABELS: Readonly<Record<string, string>> = {
  firing: 'Firing notification',
  resolved: 'Resolved notification',
  renotify: 'Reminder',
  category_changed: 'Category changed',
  flapping: 'Flapping notice',
};

/** A notification kind the dashboard does not know yet still reads as a notification. */
export function notificationLabel(kind: string): string {
  return NOTIFICATION_LABELS[kind] ?? `Notification (${kind})`;
}

/** Where a delivery went: its channel, or nowhere yet while a silence holds it. */
const channelOf = (delivery: Delivery) =>
  delivery.channelName ?? 'held by a silence, for the rule’s channels';

/**
 * The alert's life in order: started, fired, acknowledged, resolved, and between them every attempt to deliver
 * one of its notifications (queued ones too, and those a silence holds). Oldest first; at the same instant the
 * change comes before the notifications it caused.
 */
export function alertTimeline(alert: AlertDetail): TimelineEntry[] {
  const changes: TimelineEntry[] = [
    { type: 'change', at: alert.startedAt, text: 'Started failing (pending)' },
    ...(alert.firedAt ? [{ type: 'change' as const, at: alert.firedAt, text: 'Fired' }] : []),
    ...(alert.acknowledgedAt
      ? [
          {
            type: 'change' as const,
            at: alert.acknowledgedAt,
            text: `Acknowledged by ${alert.acknowledgedBy ?? 'someone'}`,
          },
        ]
      : []),
    ...(alert.resolvedAt ? [{ type: 'change' as const, at: alert.resolvedAt, text: 'Resolved' }] : []),
  ];
  const deliveries: TimelineEntry[] = alert.deliveries.map((delivery) => ({
    type: 'delivery',
    at: delivery.at,
    text: notificationLabel(delivery.kind),
    channel: channelOf(delivery),
    outcome: delivery.outcome,
    status: delivery.status,
    error: delivery.error,
  }));
  const order = (entry: TimelineEntry) => (entry.type === 'change' ? 0 : 1);
  return [...changes, ...deliveries].sort(
    (a, b) => Date.parse(a.at) - Date.parse(b.at) || order(a) - order(b),
  );
}
