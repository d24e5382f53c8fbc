import {
  addHistograms,
  bucketOf,
  emptyHistogram,
  HISTOGRAM_LENGTH,
  latencyQuantile,
  recordLatency,
} from './latency-histogram';

describe('latency histogram', () => {
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
    const histogram = emptyHistogram();
    for (let ms = 1; ms <= 100; ms += 1) recordLatency(histogram, 'total', ms);
    const p50 = latencyQuantile(histogram, 'total', 0.5, 100)!;
    const p95 = latencyQuantile(histogram, 'total', 0.95, 100)!;
    expect(p50).toBeGreaterThanOrEqual(20);
    expect(p50).toBeLessThanOrEqual(50);
    expect(p95).toBeGreaterThanOrEqual(90);
    expect(p95).toBeLessThanOrEqual(100);
    expect(latencyQuantile(histogram, 'dns', 0.5, null)).toBeNull();
  });

  it('merges by addition, so rollups of any size give the same quantiles as the raw data', () => {
    const a = emptyHistogram();
    const b = emptyHistogram();
    const both = emptyHistogram();
    [5, 8, 400].forEach((ms) => (recordLatency(a, 'ttfb', ms), recordLatency(both, 'ttfb', ms)));
    [12, 900].forEach((ms) => (recordLatency(b, 'ttfb', ms), recordLatency(both, 'ttfb', ms)));
    expect(addHistograms(a, b)).toEqual(both);
    expect(both).toHaveLength(HISTOGRAM_LENGTH);
  });
});
