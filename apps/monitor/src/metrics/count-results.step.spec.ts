import { checkResult } from '../../test/check-result.fixture';
import { CountResultsStep } from './count-results.step';
import { MetricsService } from './metrics.service';

describe(CountResultsStep.name, () => {
  it('counts the result and observes each phase that happened, in seconds, with no integration label', async () => {
    const metrics = new MetricsService();
    const step = new CountResultsStep(metrics);
    const result = checkResult('2026-12-02T10:00:00.000Z', {
      status: 'down',
      timings: { dnsMs: null, connectMs: 2, tlsMs: 30, ttfbMs: 150, totalMs: 400 },
    });
    step.handle({ origin: { kind: 'probe_now', integrationId: 'i-1' }, result });
    const counted = (await metrics.results.get()).values;
    expect(counted).toEqual([{ labels: { origin: 'probe_now', status: 'down' }, value: 1 }]);
    const counts = (await metrics.probePhases.get()).values.filter((v) => v.metricName?.endsWith('_count'));
    expect(Object.fromEntries(counts.map((v) => [v.labels.phase, v.value]))).toEqual({
      connect: 1,
      tls: 1,
      ttfb: 1,
      total: 1,
    });
    const sums = (await metrics.probePhases.get()).values.filter((v) => v.metricName?.endsWith('_sum'));
    expect(sums.find((v) => v.labels.phase === 'total')?.value).toBe(0.4);
    expect(counts.every((v) => !('integration' in v.labels))).toBe(true);
  });
});
