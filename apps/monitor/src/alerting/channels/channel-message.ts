import type { Category, CloseReason } from '@ihm/diagnosis';

/** The events a channel announces; the webhook body's `type`. */
export type ChannelMessageType = 'alert.firing' | 'alert.resolved' | 'alert.flapping' | 'alert.test';

/** Why a firing alert is announced again: still firing after the re-notify interval, or its category changed. */
export type FiringReason = 'renotify' | 'category_changed';

export interface ChannelAlert {
  id: string;
  rule: { id: string; name: string };
  state: 'pending' | 'firing' | 'resolved';
  category: Category;
  severity: 'degraded' | 'down';
  message: string;
  troubleshooting: string[];
  startedAt: Date;
  resolvedAt?: Date;
  flapping: boolean;
}

export interface ChannelIntegration {
  id: string;
  name: string;
  category: Category;
  message: string;
}

interface ChannelMessageBase {
  /** The idempotency key (`webhook-id`): every attempt to deliver this notification carries the same one. */
  id: string;
  /** When the notification became due; a retry keeps it. */
  at: Date;
  alert: ChannelAlert;
  /** One line on what happened: `Payments API resolved: authentication, …`, `14 integrations: connectivity, …`. */
  summary: string;
  /** What it is about: one integration, or several when grouped. */
  integrations: ChannelIntegration[];
  /** The dashboard page to open: the integration's, or the alerts page for a group. */
  url: string;
}

/** One notification as every channel is given it, whichever channel sends it. */
export type ChannelMessage = ChannelMessageBase &
  (
    | { type: 'alert.firing'; reason?: 'renotify' }
    /** The alert's category is now `alert.category`; receivers that key alerts by category close the old one. */
    | { type: 'alert.firing'; reason: 'category_changed'; previousCategory: Category }
    /** With `reason`: resolved because what it watched is no longer watched, not because it works again. */
    | { type: 'alert.resolved'; reason?: CloseReason }
    | { type: Exclude<ChannelMessageType, 'alert.firing' | 'alert.resolved'> }
  );
