const DAY_MS = 86_400_000;
/** Partitions are created this many days ahead, so no write waits for one. */
const DAYS_AHEAD = 7;
/** Minute rollups serve the 1 h and 24 h trends; two days cover both. */
export const MINUTE_ROLLUP_RETENTION_DAYS = 2;

export interface RetentionPlan {
  /** Days (UTC midnight) whose result partitions must exist. */
  partitionDays: Date[];
  /** Result partitions of days before this one are dropped. */
  dropResultsBefore: Date;
  minuteRollupsBefore: Date;
  hourRollupsBefore: Date;
}

/** What retention keeps and removes at `now`, for the configured retention of results and hour rollups. */
export function retentionPlan(
  now: Date,
  retention: { resultsDays: number; rollupDays: number },
): RetentionPlan {
  const today = now.getTime() - (now.getTime() % DAY_MS);
  return {
    partitionDays: Array.from({ length: DAYS_AHEAD + 1 }, (_, i) => new Date(today + i * DAY_MS)),
    dropResultsBefore: new Date(today - retention.resultsDays * DAY_MS),
    minuteRollupsBefore: new Date(now.getTime() - MINUTE_ROLLUP_RETENTION_DAYS * DAY_MS),
    hourRollupsBefore: new Date(now.getTime() - retention.rollupDays * DAY_MS),
  };
}
