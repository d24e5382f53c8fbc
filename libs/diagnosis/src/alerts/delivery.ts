import type { Category } from '../categories';
import type { Alert } from './alert';
import type { AlertIntegration } from './evaluated-result';
import { firingNotification, type AlertNotification } from './notification';
import { isSilenced, type Silence } from './silences';

export interface Delivery {
  send: AlertNotification[];
  /** Silenced: keep them in the alert's history and give them to `releaseHeld` later. */
  held: AlertNotification[];
}

function silenced(
  integration: AlertIntegration,
  category: Category,
  silences: readonly Silence[],
  now: Date,
) {
  return silences.some((silence) => isSilenced(silence, integration, category, now));
}

/** Splits notifications into those to send now and those a silence holds back. */
export function deliverable(
  notifications: readonly AlertNotification[],
  silences: readonly Silence[],
  now: Date,
): Delivery {
  const delivery: Delivery = { send: [], held: [] };
  for (const notification of notifications) {
    const held = silenced(notification.integration, notification.category, silences, now);
    (held ? delivery.held : delivery.send).push(notification);
  }
  return delivery;
}

export interface Release extends Delivery {
  /** The held notifications settled by this release, whether or not something was sent for them. */
  released: AlertNotification[];
}

interface HeldAlert {
  notifications: AlertNotification[];
  /** The held notification with the highest sequence. */
  latest: AlertNotification;
}

function byAlert(notifications: readonly AlertNotification[]): HeldAlert[] {
  const alerts = new Map<string, HeldAlert>();
  for (const notification of notifications) {
    const seen = alerts.get(notification.alertKey);
    alerts.set(notification.alertKey, {
      notifications: [...(seen?.notifications ?? []), notification],
      latest: seen && seen.latest.sequence > notification.sequence ? seen.latest : notification,
    });
  }
  return [...alerts.values()];
}

/**
 * What to send for held notifications once their silence is over; run it when a silence ends and on a timer.
 * Per alert, one notification states the truth now instead of replaying what was held: an alert still firing
 * is sent as firing (or flapping) with its current category and message; a resolved alert is sent as
 * resolved only if its receivers were told it fired (its first notification was not held); an alert that
 * fired and resolved unseen sends nothing. `alerts` are the current alerts, matched by key.
 */
export function releaseHeld(
  held: readonly AlertNotification[],
  alerts: readonly Alert[],
  silences: readonly Silence[],
  now: Date,
): Release {
  const release: Release = { send: [], held: [], released: [] };
  for (const { notifications: group, latest } of byAlert(held)) {
    const alert = alerts.find((candidate) => candidate.key === latest.alertKey);
    const firing = alert?.state === 'firing' ? alert : null;
    if (silenced(latest.integration, firing?.cause.category ?? latest.category, silences, now)) {
      release.held.push(...group);
      continue;
    }
    release.released.push(...group);
    if (firing) {
      const notice = firing.flapping
        ? { kind: 'flapping' as const, flappingSince: firing.flapping.since }
        : { kind: 'firing' as const };
      // It takes the place of the newest held notification, which was never sent, and so its number.
      release.send.push(firingNotification(firing, notice, latest.sequence, latest, now));
    } else if (group.every((notification) => notification.sequence > 1)) {
      const resolved = group.findLast((notification) => notification.kind === 'resolved');
      if (resolved) release.send.push(resolved);
    }
  }
  return release;
}
