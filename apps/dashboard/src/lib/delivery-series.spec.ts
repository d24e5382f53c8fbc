import type { Trend, TrendPoint } from '@ihm/contracts';
import { deliverySeries } from './delivery-series';

const phases = { dns: null, connect: null, tls: null, ttfb: null, transfer: null, total: null };

function point(at: string, probes: number, failures: number): TrendPoint {
  return {
    at,
    probes,
    failures,
    degraded: 0,
    successRate: probes ? (probes - failures) / probes : null,
    latencyP50Ms: phases,
    latencyP95Ms: phases,
    latencyMaxMs: phases,
    rateLimitRemaining: null,
    rateLimitLimit: null,
  } as TrendPoint;
}

function trend(bucketSeconds: number, points: TrendPoint[]): Trend {
  return { integrationId: 'wh_1', window: '24h', bucketSeconds, points };
}

describe('deliverySeries', () => {
  it('splits each bucket into accepted and rejected deliveries, with the hourly rate', () => {
    const series = deliverySeries(
      trend(3600, [point('2026-11-25T10:00:00Z', 4, 1), point('2026-11-25T11:00:00Z', 0, 0)]),
    );
    expect(series.points).toEqual([
      { at: '2026-11-25T10:00:00Z', accepted: 3, rejected: 1 },
      { at: '2026-11-25T11:00:00Z', accepted: 0, rejected: 0 },
    ]);
    expect(series.deliveredBuckets).toBe(1);
    expect(series.perBucket).toBe('per hour');
    expect(series.summary).toBe('4 deliveries, 1 rejected: about 2 per hour.');
  });

  it.each([
    { bucketSeconds: 60, perBucket: 'per minute' },
    { bucketSeconds: 300, perBucket: 'per 5 min' },
    { bucketSeconds: 21_600, perBucket: 'per 6 h' },
    { bucketSeconds: 86_400, perBucket: 'per day' },
  ])('names a $bucketSeconds s bucket "$perBucket"', ({ bucketSeconds, perBucket }) => {
    expect(deliverySeries(trend(bucketSeconds, [])).perBucket).toBe(perBucket);
  });

  it('says so when nothing was delivered', () => {
    const series = deliverySeries(trend(3600, [point('2026-11-25T10:00:00Z', 0, 0)]));
    expect(series.deliveredBuckets).toBe(0);
    expect(series.summary).toBe('No deliveries in this window.');
  });
});
