import type { TrendPoint, TrendWindow } from '@ihm/contracts';
import {
  LATENCY_PHASES,
  latencyQuantile,
  mergeHistograms,
  type LatencyPhase,
  type PhaseHistograms,
} from '@ihm/diagnosis';

export interface RollupSlice {
  bucketStart: Date;
  probeCount: number;
  degradedCount: number;
  failureCount: number;
  latency: PhaseHistograms;
  rateLimitRemaining: number | null;
  rateLimitLimit: number | null;
}

/** Which rollup serves each window, and how wide its points are (about 60–170 points each). */
export const WINDOWS: Record<
  TrendWindow,
  { table: 'minute' | 'hour'; spanSeconds: number; bucketSeconds: number }
> = {
  '1h': { table: 'minute', spanSeconds: 3600, bucketSeconds: 60 },
  '24h': { table: 'minute', spanSeconds: 86_400, bucketSeconds: 900 },
  '7d': { table: 'hour', spanSeconds: 7 * 86_400, bucketSeconds: 3600 },
  '30d': { table: 'hour', spanSeconds: 30 * 86_400, bucketSeconds: 6 * 3600 },
};

const perPhase = <T>(value: (phase: LatencyPhase) => T) =>
  Object.fromEntries(LATENCY_PHASES.map((phase) => [phase, value(phase)])) as Record<LatencyPhase, T>;

const round = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/**
 * Merges rollup rows into evenly spaced points from `from` to `to` (every bucket present, empty ones with
 * zero probes), summing histograms so p50/p95 are those of all probes in the bucket.
 */
export function trendPoints(
  rows: readonly RollupSlice[],
  from: Date,
  to: Date,
  bucketSeconds: number,
): TrendPoint[] {
  const bucketMs = bucketSeconds * 1000;
  const first = from.getTime() - (from.getTime() % bucketMs);
  const merged = new Map<number, RollupSlice>();
  for (const row of rows) {
    const key = row.bucketStart.getTime() - (row.bucketStart.getTime() % bucketMs);
    const into = merged.get(key);
    if (!into) {
      merged.set(key, { ...row });
      continue;
    }
    into.probeCount += row.probeCount;
    into.degradedCount += row.degradedCount;
    into.failureCount += row.failureCount;
    into.latency = perPhase((phase) => mergeHistograms(into.latency[phase], row.latency[phase]));
    if (row.bucketStart >= into.bucketStart && row.rateLimitRemaining !== null) {
      into.rateLimitRemaining = row.rateLimitRemaining;
      into.rateLimitLimit = row.rateLimitLimit;
    }
  }
  const points: TrendPoint[] = [];
  for (let at = first; at <= to.getTime(); at += bucketMs) {
    const slice = merged.get(at);
    const quantile = (phase: LatencyPhase, p: number) =>
      slice ? latencyQuantile(slice.latency[phase], p) : null;
    points.push({
      at: new Date(at).toISOString(),
      probes: slice?.probeCount ?? 0,
      failures: slice?.failureCount ?? 0,
      degraded: slice?.degradedCount ?? 0,
      successRate: slice && slice.probeCount > 0 ? 1 - slice.failureCount / slice.probeCount : null,
      latencyP50Ms: perPhase((phase) => round(quantile(phase, 0.5))),
      latencyP95Ms: perPhase((phase) => round(quantile(phase, 0.95))),
      // The 1-quantile is the maximum, and null for a phase without observations.
      latencyMaxMs: perPhase((phase) => round(quantile(phase, 1))),
      rateLimitRemaining: slice?.rateLimitRemaining ?? null,
      rateLimitLimit: slice?.rateLimitLimit ?? null,
    });
  }
  return points;
}
