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
 * The next run: one interval after this run started. Counting from the start rather than from the due time
 * lets a late start drift the cadence by its lateness (a fraction of a second when healthy) but guarantees that
 * two runs are never closer than one interval, even after a burst of late starts (a restart, an outage).
 */
export function nextDueAt(startedAt: Date, intervalSeconds: number): Date {
  return new Date(startedAt.getTime() + intervalSeconds * 1000);
}
