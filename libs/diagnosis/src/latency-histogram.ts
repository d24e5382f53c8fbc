/** The phases whose latency rollups keep, each in its own named histogram. */
export const LATENCY_PHASES = ['dns', 'connect', 'tls', 'ttfb', 'total'] as const;
export type LatencyPhase = (typeof LATENCY_PHASES)[number];

/**
 * Upper bounds (ms) of the histogram buckets; the last bucket is open. Log-like spacing: API latency spans
 * sub-millisecond DNS to 30 s timeouts, and p95 within about 25 % of its true value is enough to see a trend.
 *
 * Stored history is counted in these buckets: never edit this list (latency-histogram.spec.ts pins it). A new
 * layout needs new rollup columns and a migration.
 */
export const LATENCY_BUCKET_BOUNDS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 300, 500, 750, 1000, 2000, 3000, 5000, 10_000, 30_000,
] as const;
export const BUCKET_COUNT = LATENCY_BUCKET_BOUNDS_MS.length + 1;

/** One phase's latencies: how many fell in each bucket, and the largest (null before the first). */
export interface LatencyHistogram {
  counts: number[];
  maxMs: number | null;
}

export type PhaseHistograms = Record<LatencyPhase, LatencyHistogram>;

export function emptyHistogram(): LatencyHistogram {
  return { counts: new Array<number>(BUCKET_COUNT).fill(0), maxMs: null };
}

export function emptyPhaseHistograms(): PhaseHistograms {
  return Object.fromEntries(LATENCY_PHASES.map((phase) => [phase, emptyHistogram()])) as PhaseHistograms;
}

export function bucketOf(ms: number): number {
  const index = LATENCY_BUCKET_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return index === -1 ? LATENCY_BUCKET_BOUNDS_MS.length : index;
}

export function recordLatency(histogram: LatencyHistogram, ms: number): void {
  const bucket = bucketOf(ms);
  histogram.counts[bucket] = (histogram.counts[bucket] ?? 0) + 1;
  histogram.maxMs = histogram.maxMs === null ? ms : Math.max(histogram.maxMs, ms);
}

/** Counts add and maxima take the larger, so merged rollups give the quantiles of all their probes. */
export function mergeHistograms(a: LatencyHistogram, b: LatencyHistogram): LatencyHistogram {
  const length = Math.max(a.counts.length, b.counts.length);
  return {
    counts: Array.from({ length }, (_, i) => (a.counts[i] ?? 0) + (b.counts[i] ?? 0)),
    maxMs: a.maxMs === null ? b.maxMs : b.maxMs === null ? a.maxMs : Math.max(a.maxMs, b.maxMs),
  };
}

/**
 * The `p`-quantile (0–1), interpolated linearly inside its bucket; the open last bucket ends at the observed
 * maximum, and no quantile exceeds it. Null without observations.
 */
export function latencyQuantile({ counts, maxMs }: LatencyHistogram, p: number): number | null {
  const total = counts.reduce((sum, n) => sum + (n ?? 0), 0);
  if (total === 0) return null;
  const rank = p * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i += 1) {
    const n = counts[i] ?? 0;
    if (n > 0 && seen + n >= rank) {
      const lower = i === 0 ? 0 : LATENCY_BUCKET_BOUNDS_MS[i - 1]!;
      const upper = LATENCY_BUCKET_BOUNDS_MS[i] ?? Math.max(lower, maxMs ?? lower);
      const value = lower + ((rank - seen) / n) * (upper - lower);
      return maxMs !== null ? Math.min(value, maxMs) : value;
    }
    seen += n;
  }
  return maxMs;
}
