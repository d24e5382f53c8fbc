import {
  bucketOf,
  emptyHistogram,
  LATENCY_BUCKET_BOUNDS_MS,
  LATENCY_PHASES,
  latencyQuantile,
  mergeHistograms,
  recordLatency,
  type LatencyHistogram,
} from './latency-histogram';

const histogramOf = (...latencies: number[]): LatencyHistogram => {
  const histogram = emptyHistogram();
  latencies.forEach((ms) => recordLatency(histogram, ms));
  return histogram;
};

describe('latency histogram', () => {
  it('keeps the bucket bounds that stored rollups were counted in', () => {
    // Rollup rows in every user's database hold counts per bucket of this exact list: changing it changes the
    // meaning of their history. A new layout is a new column and a migration, never an edit here.
    expect(LATENCY_BUCKET_BOUNDS_MS).toEqual([
      1, 2, 5, 10, 20, 50, 100, 200, 300, 500, 750, 1000, 2000, 3000, 5000, 10_000, 30_000,
    ]);
    // Each phase is a column named after it (dns_histogram, …): renaming one needs a migration too.
    expect(LATENCY_PHASES).toEqual(['dns', 'connect', 'tls', 'ttfb', 'total']);
  });

  it.each([
    [0.3, 0],
    [1, 0],
    [1.01, 1],
    [150, 7],
    [30_000, 16],
    [45_000, 17],
  ])('puts %d ms in bucket %d', (ms, bucket) => {
    expect(bucketOf(ms)).toBe(bucket);
  });

  it('estimates p50 and p95 within their buckets and never above the maximum', () => {
    const histogram = histogramOf(...Array.from({ length: 100 }, (_, i) => i + 1));
    const p50 = latencyQuantile(histogram, 0.5)!;
    const p95 = latencyQuantile(histogram, 0.95)!;
    expect(p50).toBeGreaterThanOrEqual(20);
    expect(p50).toBeLessThanOrEqual(50);
    expect(p95).toBeGreaterThanOrEqual(90);
    expect(p95).toBeLessThanOrEqual(100);
    expect(latencyQuantile(histogram, 1)).toBe(100);
  });

  it('has no quantile without observations', () => {
    expect(latencyQuantile(emptyHistogram(), 0.5)).toBeNull();
    expect(latencyQuantile({ counts: [], maxMs: null }, 0.5)).toBeNull();
  });

  it('ends the open last bucket at the maximum seen', () => {
    expect(latencyQuantile(histogramOf(40_000, 60_000), 0.75)).toBeCloseTo(52_500);
  });

  it('merges by addition, so rollups of any size give the same quantiles as the raw data', () => {
    const merged = mergeHistograms(histogramOf(5, 8, 400), histogramOf(12, 900));
    expect(merged).toEqual(histogramOf(5, 8, 400, 12, 900));
    expect(mergeHistograms(merged, { counts: [], maxMs: null })).toEqual(merged);
  });
});
