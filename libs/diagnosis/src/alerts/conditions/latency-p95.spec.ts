import type { AlertRule } from '../alert-rule';
import type { EvaluatedResult } from '../evaluated-result';
import type { ConditionVerdict } from './condition-input';
import { checkLatencyP95, type LatencyP95Memory, p95 } from './latency-p95';

const BASE = Date.parse('2026-11-25T10:00:00.000Z');
const at = (minute: number) => new Date(BASE + minute * 60_000);
const condition = { type: 'latencyP95' as const, thresholdMs: 2000, windowMinutes: 15 };
const rule: AlertRule = {
  id: 'r',
  name: 'Slow',
  condition,
  scope: {},
  minSeverity: 'degraded',
  renotifyMinutes: null,
};

const result = (minute: number, totalMs: number | null): EvaluatedResult => ({
  integration: { id: 'int-1', name: 'Payments API', tags: [] },
  startedAt: at(minute),
  status: totalMs === null ? 'down' : 'up',
  category: totalMs === null ? 'network_timeout' : null,
  message: '',
  troubleshooting: [],
  httpStatus: totalMs === null ? null : 200,
  totalMs,
  rateLimit: null,
  tokenExpiresAt: null,
  certificateExpiresAt: null,
});

function verdictAfter(latencies: (number | null)[]): {
  memory: LatencyP95Memory | null;
  verdict: ConditionVerdict;
} {
  let memory: LatencyP95Memory | null = null;
  let verdict: ConditionVerdict = { kind: 'unknown' };
  latencies.forEach((ms, minute) => {
    ({ memory, verdict } = checkLatencyP95(condition, memory, {
      rule,
      result: result(minute, ms),
      now: at(minute),
      current: null,
    }));
  });
  return { memory, verdict };
}

const fast = (n: number) => new Array<number>(n).fill(100);

describe(p95.name, () => {
  it.each<[string, number[], number | null]>([
    ['no samples', [], null],
    ['one sample is its own p95', [300], 300],
    ['of 20, the 19th smallest: one outlier is left out', [...fast(19), 9000], 100],
    ['of 20, two outliers reach it', [...fast(18), 9000, 8000], 8000],
    ['of 5, the largest', [100, 500, 200, 400, 300], 500],
  ])('%s', (_, values, expected) => {
    expect(p95(values)).toBe(expected);
  });
});

describe(checkLatencyP95.name, () => {
  it.each<[string, (number | null)[], Partial<ConditionVerdict>]>([
    ['fast probes clear', fast(10), { kind: 'clear' }],
    ['a p95 at the threshold is not above it', [...fast(18), 2000, 2000], { kind: 'clear' }],
    ['a p95 above it with five samples is met', [2500, 2600, 2700, 2800, 2900], { kind: 'met' }],
    ['above it with four samples is pending', [2500, 2600, 2700, 2800], { kind: 'pending' }],
    [
      'of the 15 probes a 15 min window holds at 1 a minute, the slowest is the p95',
      [...fast(19), 9000],
      { kind: 'met' },
    ],
    ['probes without a timing add no sample', [2500, 2600, 2700, 2800, null], { kind: 'pending' }],
    ['no sample in the window clears', [null, null], { kind: 'clear' }],
    [
      'slow probes that left the window count no more',
      [...new Array<number>(5).fill(3000), ...fast(15)],
      { kind: 'clear' },
    ],
    [
      'the message names the p95, the window, the samples and the threshold',
      [...fast(15), 2500, 2600, 2700, 2800, 2900],
      {
        kind: 'met',
        cause: expect.objectContaining({
          category: 'network_timeout',
          severity: 'degraded',
          message: 'p95 latency over the last 15 min is 2,900 ms (15 probes), above the 2,000 ms threshold.',
        }),
      },
    ],
  ])('%s', (_, latencies, expected) => {
    expect(verdictAfter(latencies).verdict).toMatchObject(expected);
  });
});
