import { SPARKLINE_POINTS } from '@ihm/contracts';
import { BUCKETS_PER_PHASE, emptyHistogram, LATENCY_PHASES, latencyQuantile } from '@ihm/diagnosis';

const MINUTE_MS = 60_000;
const TOTAL = LATENCY_PHASES.indexOf('total');

/** Where the total phase sits in a rollup row (0-based): its histogram buckets and its maximum. */
export const TOTAL_LATENCY = {
  firstBucket: TOTAL * BUCKETS_PER_PHASE,
  buckets: BUCKETS_PER_PHASE,
  maxIndex: TOTAL,
} as const;

/** The total-latency part of one minute rollup. */
export interface MinuteLatency {
  integrationId: string;
  bucketStart: Date;
  /** The total phase's histogram buckets. */
  totalCounts: number[];
  totalMaxMs: number | null;
}

/** The minutes a sparkline covers, `from` included and `to` excluded: SPARKLINE_POINTS, the last is `now`'s. */
export function sparklineWindow(now: Date): { from: Date; to: Date } {
  const next = now.getTime() - (now.getTime() % MINUTE_MS) + MINUTE_MS;
  return { from: new Date(next - SPARKLINE_POINTS * MINUTE_MS), to: new Date(next) };
}

const emptyLine = (): Array<number | null> => new Array<number | null>(SPARKLINE_POINTS).fill(null);

/**
 * Each integration's median total latency per minute, SPARKLINE_POINTS minutes from `from`, null for a minute
 * without probes. The median comes from the minute's histogram, as the trend's p50 does.
 */
export function latencySparklines(
  rows: readonly MinuteLatency[],
  from: Date,
): (integrationId: string) => Array<number | null> {
  const lines = new Map<string, Array<number | null>>();
  for (const row of rows) {
    const index = Math.floor((row.bucketStart.getTime() - from.getTime()) / MINUTE_MS);
    if (index < 0 || index >= SPARKLINE_POINTS) continue;
    const histogram = emptyHistogram();
    row.totalCounts.forEach((count, i) => (histogram[TOTAL_LATENCY.firstBucket + i] = count));
    const median = latencyQuantile(histogram, 'total', 0.5, row.totalMaxMs);
    const line = lines.get(row.integrationId) ?? emptyLine();
    line[index] = median === null ? null : Math.round(median * 10) / 10;
    lines.set(row.integrationId, line);
  }
  return (integrationId) => lines.get(integrationId) ?? emptyLine();
}
