import type { WebhookReceiver } from '@ihm/contracts';
import { afterActiveSeconds } from '@ihm/diagnosis';
import { createHash } from 'node:crypto';

/** A newcomer's first probe comes within this long of its registration: whoever registers it sees it work. */
export const NEWCOMER_WINDOW_MS = 2000;
/** More registrations than this within a minute are a bulk registration (an import, a script). */
export const BULK_REGISTRATIONS_PER_MINUTE = 60;

/**
 * The first run of an integration, at a stable hash of its id into a window: a couple of seconds for one
 * registered by itself, the whole interval for one of a bulk registration, so that thousands registered
 * together never fall due in the same second.
 */
export function firstDueAt(
  id: string,
  intervalSeconds: number,
  now: Date,
  registeredLastMinute: number,
): Date {
  const intervalMs = intervalSeconds * 1000;
  const windowMs =
    registeredLastMinute > BULK_REGISTRATIONS_PER_MINUTE
      ? intervalMs
      : Math.min(NEWCOMER_WINDOW_MS, intervalMs);
  const jitterMs = createHash('sha256').update(id).digest().readUInt32BE(0) % windowMs;
  return new Date(now.getTime() + jitterMs);
}

/** Starts this late keep the cadence; later ones restart it. Half a second: above the p99 lag of a healthy worker. */
export const CADENCE_TOLERANCE_MS = 500;

/**
 * The next run. A run that started on time (within half a second) keeps the cadence — one interval after it fell
 * due — so the schedule does not drift with scheduling lag. A run that started later (a restart, an outage, a
 * backlog) starts a new cadence one interval after it started, so two runs are never closer than one interval
 * less half a second, and a backlog is never caught up with a burst.
 */
export function nextDueAt(dueAt: Date, startedAt: Date, intervalSeconds: number): Date {
  const base = startedAt.getTime() - dueAt.getTime() <= CADENCE_TOLERANCE_MS ? dueAt : startedAt;
  return new Date(base.getTime() + intervalSeconds * 1000);
}

/** A new webhook integration's first silence check: when its first window, from now, runs out. */
export function firstSilenceCheckAt(webhook: WebhookReceiver, now: Date): Date {
  return afterActiveSeconds(now, webhook.maxSilenceSeconds, webhook.activeHours);
}
