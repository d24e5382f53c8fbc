import { emptyPhaseHistograms, recordLatency } from '@ihm/diagnosis';
import { trendPoints, type RollupSlice } from './trend-points';

function slice(at: string, latencies: number[], failures = 0, remaining: number | null = null): RollupSlice {
  const latency = emptyPhaseHistograms();
  latencies.forEach((ms) => recordLatency(latency.total, ms));
  return {
    bucketStart: new Date(at),
    probeCount: latencies.length,
    degradedCount: 0,
    failureCount: failures,
    latency,
    rateLimitRemaining: remaining,
    rateLimitLimit: remaining === null ? null : 100,
  };
}

describe(trendPoints.name, () => {
  it('merges minute rows into 15-minute points and fills empty buckets', () => {
    const points = trendPoints(
      [
        slice('2026-11-25T10:01:00Z', [10, 20], 1, 50),
        slice('2026-11-25T10:07:00Z', [400], 0, 40),
        slice('2026-11-25T10:31:00Z', [5]),
      ],
      new Date('2026-11-25T10:00:00Z'),
      new Date('2026-11-25T10:44:59Z'),
      900,
    );
    expect(points.map((p) => [p.at.slice(11, 16), p.probes, p.failures])).toEqual([
      ['10:00', 3, 1],
      ['10:15', 0, 0],
      ['10:30', 1, 0],
    ]);
    expect(points[0]!.successRate).toBeCloseTo(2 / 3);
    expect(points[0]!.latencyMaxMs.total).toBe(400);
    expect(points[0]!.latencyP95Ms.total).toBeGreaterThan(300);
    expect(points[0]!.rateLimitRemaining).toBe(40);
    expect(points[1]!.successRate).toBeNull();
    expect(points[1]!.latencyP50Ms.total).toBeNull();
    // A phase without observations (no TLS over plain HTTP) has no quantiles, not zeros.
    expect(points[0]!.latencyP95Ms.tls).toBeNull();
  });
});
