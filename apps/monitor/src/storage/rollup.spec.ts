import type { ProbeResult } from '@ihm/contracts';
import { CATEGORIES, latencyQuantile } from '@ihm/diagnosis';
import { probeResult } from '../../test/probe-result.fixture';
import { buildRollups, latestStatuses } from './rollup';

const result = (
  startedAt: string,
  status: ProbeResult['status'],
  totalMs: number,
  extra: Partial<ProbeResult> = {},
): ProbeResult =>
  probeResult('a', startedAt, {
    status,
    category: status === 'up' ? null : 'rate_limiting',
    message: status,
    totalMs,
    ...extra,
  });

describe(buildRollups.name, () => {
  const entries = [
    { integrationId: 'a', result: result('2026-11-25T10:00:05.000Z', 'up', 10) },
    {
      integrationId: 'a',
      result: result('2026-11-25T10:00:35.000Z', 'down', 90, {
        rateLimit: { limit: 100, remaining: 0, resetAt: null, retryAfterSeconds: 30 },
      }),
    },
    {
      integrationId: 'a',
      result: result('2026-11-25T10:01:05.000Z', 'degraded', 400, {
        rateLimit: { limit: 100, remaining: 5, resetAt: null, retryAfterSeconds: null },
      }),
    },
    { integrationId: 'b', result: result('2026-11-25T10:00:10.000Z', 'up', 20) },
  ];

  it('groups by integration and minute, counting outcomes and failure categories', () => {
    const rows = buildRollups(entries, 'minute');
    expect(
      rows.map((r) => [r.integration_id, r.bucket_start, r.probe_count, r.failure_count, r.degraded_count]),
    ).toEqual([
      ['a', '2026-11-25T10:00:00.000Z', 2, 1, 0],
      ['a', '2026-11-25T10:01:00.000Z', 1, 0, 1],
      ['b', '2026-11-25T10:00:00.000Z', 1, 0, 0],
    ]);
    expect(rows[0]!.failures_by_category[CATEGORIES.indexOf('rate_limiting')]).toBe(1);
    expect(rows[0]!.rate_limit_remaining).toBe(0);
    expect(rows[0]!.latency_max_ms).toEqual([0, 1, 0, 89, 90]);
  });

  it('keeps every probe of an hour in one row whose histogram gives its quantiles', () => {
    const [a] = buildRollups(entries, 'hour');
    expect(a!.probe_count).toBe(3);
    expect(a!.rate_limit_remaining).toBe(5);
    expect(latencyQuantile(a!.latency_histogram, 'total', 1, a!.latency_max_ms[4] ?? null)).toBe(400);
  });
});

describe(latestStatuses.name, () => {
  it('keeps the newest result and counts the failures the batch ends on', () => {
    const rows = latestStatuses([
      { integrationId: 'a', result: result('2026-11-25T10:00:35.000Z', 'down', 1) },
      { integrationId: 'a', result: result('2026-11-25T10:00:05.000Z', 'up', 1) },
      { integrationId: 'a', result: result('2026-11-25T10:01:05.000Z', 'down', 1) },
      { integrationId: 'b', result: result('2026-11-25T10:00:05.000Z', 'down', 1) },
    ]);
    expect(rows.map((r) => [r.integration_id, r.checked_at, r.trailing_failures, r.all_down])).toEqual([
      ['a', '2026-11-25T10:01:05.000Z', 2, false],
      ['b', '2026-11-25T10:00:05.000Z', 1, true],
    ]);
  });
});
