const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Partitions are created this many days ahead, so no write waits for one. */
const DAYS_AHEAD = 7;
/** Minute rollups serve the 1 h and 24 h trends: a day and an hour of them are kept. */
export const MINUTE_ROLLUP_RETENTION_MS = 25 * HOUR_MS;

/**
 * Rollups older than `olderThanMs` are merged into buckets of `bucketSeconds`: the windows that read them ask for
 * points that wide (24 h: 15 minutes, 30 d: 6 hours), so the merge loses nothing they show.
 */
export const ROLLUP_COMPACTIONS = [
  { table: 'minute', olderThanMs: 2 * HOUR_MS, bucketSeconds: 15 * 60 },
  { table: 'hour', olderThanMs: 8 * DAY_MS, bucketSeconds: 6 * 3600 },
] as const;

export interface RollupCompaction {
  table: 'minute' | 'hour';
  /** Fine rows from here to `before` (both on a bucket boundary) are merged. */
  from: Date;
  before: Date;
  bucketSeconds: number;
}

export interface RetentionPlan {
  /** Days (UTC midnight) whose result partitions must exist. */
  partitionDays: Date[];
  /** Result partitions of days before this one are dropped. */
  dropResultsBefore: Date;
  /** Passed results (not kept: up, and up before) started before this are deleted. */
  passedResultsBefore: Date;
  minuteRollupsBefore: Date;
  hourRollupsBefore: Date;
  rollupCompactions: RollupCompaction[];
}

const floorTo = (ms: number, stepMs: number) => ms - (ms % stepMs);

/** What retention keeps, compacts and removes at `now`, for the configured retention of results and rollups. */
export function retentionPlan(
  now: Date,
  retention: { resultsDays: number; rollupDays: number; successHours: number },
): RetentionPlan {
  const today = floorTo(now.getTime(), DAY_MS);
  const successMs = Math.min(retention.successHours * HOUR_MS, retention.resultsDays * DAY_MS);
  return {
    partitionDays: Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => new Date(today + i * DAY_MS)),
    dropResultsBefore: new Date(today - retention.resultsDays * DAY_MS),
    passedResultsBefore: new Date(now.getTime() - successMs),
    minuteRollupsBefore: new Date(now.getTime() - MINUTE_ROLLUP_RETENTION_MS),
    hourRollupsBefore: new Date(now.getTime() - retention.rollupDays * DAY_MS),
    rollupCompactions: ROLLUP_COMPACTIONS.map(({ table, olderThanMs, bucketSeconds }) => {
      const before = floorTo(now.getTime() - olderThanMs, bucketSeconds * 1000);
      // A day of fine rows back from the boundary: what fell behind it since the last run, late results included.
      return { table, from: new Date(before - DAY_MS), before: new Date(before), bucketSeconds };
    }),
  };
}
