import type { ProbeStatus } from '@ihm/diagnosis';
import { latencyQuantile } from '@ihm/diagnosis';
import { checkResult } from '../../test/check-result.fixture';
import type { ResultEntry } from './result-entry';
import { buildRollups, newestByIntegration } from './rollup';

const rateLimit = (remaining: number) => ({
  limit: 100,
  remaining,
  resetAt: null,
  retryAfterSeconds: null,
  resource: null,
});

const entry = (
  integrationId: string,
  startedAt: string,
  status: ProbeStatus,
  totalMs: number,
  remaining: number | null = null,
): ResultEntry => ({
  integrationId,
  result: checkResult(startedAt, {
    status,
    category: status === 'up' ? null : 'rate_limiting',
    totalMs,
    rateLimit: remaining === null ? null : rateLimit(remaining),
  }),
});

describe(buildRollups.name, () => {
  const entries = [
    entry('a', '2026-11-25T10:00:05.000Z', 'up', 10),
    entry('a', '2026-11-25T10:00:35.000Z', 'down', 90, 0),
    entry('a', '2026-11-25T10:01:05.000Z', 'degraded', 400, 5),
    entry('b', '2026-11-25T10:00:10.000Z', 'up', 20),
  ];

  it('groups by integration and minute, counting outcomes', () => {
    const rows = buildRollups(entries, 'minute');
    expect(
      rows.map((r) => [
        r.integrationId,
        r.bucketStart.toISOString(),
        r.probeCount,
        r.failureCount,
        r.degradedCount,
      ]),
    ).toEqual([
      ['a', '2026-11-25T10:00:00.000Z', 2, 1, 0],
      ['a', '2026-11-25T10:01:00.000Z', 1, 0, 1],
      ['b', '2026-11-25T10:00:00.000Z', 1, 0, 0],
    ]);
  });

  it('keeps a histogram and a maximum per phase, and none for a phase that did not happen', () => {
    const [first] = buildRollups(entries, 'minute');
    expect(first!.latency.total.maxMs).toBe(90);
    expect(first!.latency.ttfb.maxMs).toBe(89);
    expect(first!.latency.tls).toEqual({ counts: expect.any(Array), maxMs: null });
    expect(latencyQuantile(first!.latency.tls, 0.5)).toBeNull();
  });

  it('keeps the newest rate-limit reading of the bucket', () => {
    const [minute] = buildRollups(entries, 'minute');
    expect(minute!.rateLimit).toEqual({ remaining: 0, limit: 100, at: new Date('2026-11-25T10:00:35.000Z') });
    const hour = buildRollups([...entries].reverse(), 'hour').find((r) => r.integrationId === 'a');
    expect(hour!.rateLimit?.remaining).toBe(5);
  });

  it('keeps every probe of an hour in one row whose histogram gives its quantiles', () => {
    const [a] = buildRollups(entries, 'hour');
    expect(a!.probeCount).toBe(3);
    expect(latencyQuantile(a!.latency.total, 1)).toBe(400);
  });
});

describe(newestByIntegration.name, () => {
  it('keeps the newest result of each integration, in whatever order the batch holds them', () => {
    const newest = newestByIntegration([
      entry('a', '2026-11-25T10:00:35.000Z', 'down', 1),
      entry('a', '2026-11-25T10:01:05.000Z', 'up', 1),
      entry('a', '2026-11-25T10:00:05.000Z', 'down', 1),
      entry('b', '2026-11-25T10:00:05.000Z', 'down', 1),
    ]);
    expect(newest.map((e) => [e.integrationId, e.result.startedAt.toISOString(), e.result.status])).toEqual([
      ['a', '2026-11-25T10:01:05.000Z', 'up'],
      ['b', '2026-11-25T10:00:05.000Z', 'down'],
    ]);
  });
});
