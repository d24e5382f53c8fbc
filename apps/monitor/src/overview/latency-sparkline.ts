import { SPARKLINE_POINTS } from '@ihm/contracts';
import { latencyQuantile, type LatencyHistogram } from '@ihm/diagnosis';

const MINUTE_MS = 60_000;

/** The total-latency part of one minute rollup. */
export interface MinuteLatency {
  integrationId: string;
  bucketStart: Date;
  total: LatencyHistogram;
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
    const median = latencyQuantile(row.total, 0.5);
    const line = lines.get(row.integrationId) ?? emptyLine();
    line[index] = median === null ? null : Math.round(median * 10) / 10;
    lines.set(row.integrationId, line);
  }
  return (integrationId) => lines.get(integrationId) ?? emptyLine();
}
