/** The phases whose latency the rollups keep, in storage order. */
export const LATENCY_PHASES = ['dns', 'connect', 'tls', 'ttfb', 'total'] as const;
export type LatencyPhase = (typeof LATENCY_PHASES)[number];

/**
 * Upper bounds (ms) of the histogram buckets; the last bucket is open. Log-like spacing: API latency spans
 * sub-millisecond DNS to 30 s timeouts, and p95 within about 25 % of its true value is enough to see a trend.
 */
export const LATENCY_BUCKET_BOUNDS_MS = [
  1, 2, 5, 10, 20, 50, 100, 200, 300, 500, 750, 1000, 2000, 3000, 5000, 10_000, 30_000,
] as const;
export const BUCKETS_PER_PHASE = LATENCY_BUCKET_BOUNDS_MS.length + 1;
export const HISTOGRAM_LENGTH = LATENCY_PHASES.length * BUCKETS_PER_PHASE;

export function emptyHistogram(): number[] {
  return new Array<number>(HISTOGRAM_LENGTH).fill(0);
}

export function bucketOf(ms: number): number {
  const index = LATENCY_BUCKET_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return index === -1 ? LATENCY_BUCKET_BOUNDS_MS.length : index;
}

/** Adds one observation of `phase` into a flat histogram (phase-major). */
export function recordLatency(histogram: number[], phase: LatencyPhase, ms: number): void {
  const index = LATENCY_PHASES.indexOf(phase) * BUCKETS_PER_PHASE + bucketOf(ms);
  histogram[index] = (histogram[index] ?? 0) + 1;
}

export function addHistograms(a: readonly number[], b: readonly number[]): number[] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

/**
 * The `p`-quantile (0–1) of one phase, interpolated linearly inside its bucket; the open last bucket ends at
 * the observed maximum. Null when the phase has no observation.
 */
export function latencyQuantile(
  histogram: readonly number[],
  phase: LatencyPhase,
  p: number,
  maxMs: number | null,
): number | null {
  const offset = LATENCY_PHASES.indexOf(phase) * BUCKETS_PER_PHASE;
  const counts = histogram.slice(offset, offset + BUCKETS_PER_PHASE);
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
