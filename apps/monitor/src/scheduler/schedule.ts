import { createHash } from 'node:crypto';

/**
 * The first run of an integration, spread over its interval by a stable hash of its id, so that thousands of
 * integrations registered together never fall due in the same second, and a restart keeps the spread.
 */
export function firstDueAt(id: string, intervalSeconds: number, now: Date): Date {
  const jitterMs = createHash('sha256').update(id).digest().readUInt32BE(0) % (intervalSeconds * 1000);
  return new Date(now.getTime() + jitterMs);
}

/**
 * The next run after one that fell due at `dueAt`: one interval later, keeping the cadence; a run that started
 * more than an interval late starts a new cadence from now instead of catching up with a burst.
 */
export function nextDueAt(dueAt: Date, intervalSeconds: number, now: Date): Date {
  const next = dueAt.getTime() + intervalSeconds * 1000;
  return new Date(next > now.getTime() ? next : now.getTime() + intervalSeconds * 1000);
}
