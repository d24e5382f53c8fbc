import type { RateLimit, Trend, TrendPoint } from '@ihm/contracts';
import { latencySeries, rateLimitSeries, successSeries } from './trend-series';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const NO_LATENCY = { dns: null, connect: null, tls: null, ttfb: null, total: null };

/** A bucket without probes, unless the case says otherwise. */
const bucket = (at: string, overrides: Partial<TrendPoint> = {}): TrendPoint => ({
  at,
  probes: 0,
  failures: 0,
  degraded: 0,
  successRate: null,
  latencyP50Ms: NO_LATENCY,
  latencyP95Ms: NO_LATENCY,
  latencyMaxMs: NO_LATENCY,
  rateLimitRemaining: null,
  rateLimitLimit: null,
  ...overrides,
});

const trendOf = (...points: TrendPoint[]): Trend => ({
  integrationId: 'orders',
  window: '1h',
  bucketSeconds: 60,
  points,
});

const probedBucket = (at: string, p50Total: number, p95Total: number) =>
  bucket(at, {
    probes: 2,
    successRate: 1,
    latencyP50Ms: { dns: 1, connect: 2, tls: 3, ttfb: 40, total: p50Total },
    latencyP95Ms: { dns: 2, connect: 4, tls: 6, ttfb: 80, total: p95Total },
  });

describe(latencySeries.name, () => {
  it('gives each percentile its own points, one per bucket, with every phase', () => {
    const series = latencySeries(trendOf(probedBucket('T1', 50, 95), bucket('T2')));
    expect(series.p50.points).toEqual([
      { at: 'T1', dns: 1, connect: 2, tls: 3, ttfb: 40, total: 50 },
      { at: 'T2', ...NO_LATENCY },
    ]);
    expect(series.p95.points[0]).toEqual({ at: 'T1', dns: 2, connect: 4, tls: 6, ttfb: 80, total: 95 });
  });

  it.each([
    [
      'no buckets',
      trendOf(),
      0,
      'No latency measured in this window.',
      'No latency measured in this window.',
    ],
    [
      'no probes',
      trendOf(bucket('T1'), bucket('T2')),
      0,
      'No latency measured in this window.',
      'No latency measured in this window.',
    ],
    [
      'one probed bucket',
      trendOf(probedBucket('T1', 131, 1_234)),
      1,
      'Latest p50 total: 131 ms',
      'Latest p95 total: 1.2 s',
    ],
    [
      'the latest bucket with probes, not the last bucket',
      trendOf(probedBucket('T1', 20, 30), probedBucket('T2', 0.8, 45), bucket('T3')),
      2,
      'Latest p50 total: 0.8 ms',
      'Latest p95 total: 45 ms',
    ],
  ])('%s', (_, trend, probedBuckets, p50Summary, p95Summary) => {
    const series = latencySeries(trend);
    expect(series.p50).toMatchObject({ probedBuckets, summary: p50Summary });
    expect(series.p95).toMatchObject({ probedBuckets, summary: p95Summary });
  });
});

describe(successSeries.name, () => {
  it('keeps each bucket’s share as the API sent it, null where nothing ran', () => {
    const series = successSeries(
      trendOf(bucket('T1', { probes: 4, failures: 1, successRate: 0.75 }), bucket('T2')),
    );
    expect(series.points).toEqual([
      { at: 'T1', success: 0.75 },
      { at: 'T2', success: null },
    ]);
  });

  it.each([
    ['no probes', [bucket('T1')], 0, 'No probes in this window.'],
    [
      'one probe that worked',
      [bucket('T1', { probes: 1, successRate: 1 })],
      1,
      '100 % of 1 probe succeeded (0 down).',
    ],
    [
      'failures summed over the buckets',
      [
        bucket('T1', { probes: 2, failures: 1, successRate: 0.5 }),
        bucket('T2'),
        bucket('T3', { probes: 1, successRate: 1 }),
      ],
      2,
      '66.6 % of 3 probes succeeded (1 down).',
    ],
    [
      'one failure in thousands of probes',
      [
        bucket('T1', { probes: 2_999, successRate: 1 }),
        bucket('T2', { probes: 1, failures: 1, successRate: 0 }),
      ],
      2,
      '99.9 % of 3,000 probes succeeded (1 down).',
    ],
  ])('%s', (_, points, probedBuckets, summary) => {
    expect(successSeries(trendOf(...points))).toMatchObject({ probedBuckets, summary });
  });
});

describe(rateLimitSeries.name, () => {
  const rateLimit = (overrides: Partial<RateLimit>): RateLimit => ({
    limit: null,
    remaining: null,
    resetAt: null,
    retryAfterSeconds: null,
    ...overrides,
  });

  it('draws the remaining budget against the limit, counting the buckets that reported it', () => {
    const series = rateLimitSeries(
      trendOf(bucket('T1', { rateLimitRemaining: 4_990, rateLimitLimit: 5_000 }), bucket('T2')),
      null,
      NOW,
    );
    expect(series.points).toEqual([
      { at: 'T1', remaining: 4_990, limit: 5_000 },
      { at: 'T2', remaining: null, limit: null },
    ]);
    expect(series.reportedBuckets).toBe(1);
  });

  it.each([
    ['no latest result', null, 'The API sent no rate-limit headers in this window.'],
    ['no headers in it', rateLimit({}), 'The API sent no rate-limit headers in this window.'],
    [
      'budget and reset',
      rateLimit({ limit: 5_000, remaining: 12, resetAt: '2026-11-25T12:03:00Z' }),
      '12 of 5,000 requests left, resets in 3 min (25 Nov 2026, 12:03:00 UTC).',
    ],
    ['remaining without a limit', rateLimit({ remaining: 0 }), '0 requests left.'],
    [
      'refused with Retry-After',
      rateLimit({ limit: 100, remaining: 0, retryAfterSeconds: 3_600 }),
      '0 of 100 requests left, Retry-After 3,600 s.',
    ],
  ])('%s', (_, latest, summary) => {
    expect(rateLimitSeries(trendOf(bucket('T1')), latest, NOW).summary).toBe(summary);
  });
});
