import type { IntegrationMetricsRow } from './integration-metrics.repository';
import { integrationSeries } from './integration-series';

const CHECKED = new Date('2026-12-02T10:00:00.000Z');

function row(fields: Partial<IntegrationMetricsRow> = {}): IntegrationMetricsRow {
  return {
    id: 'b3f1c2d4-0000-4000-8000-000000000001',
    name: 'Payments API',
    paused: false,
    tags: ['payments', 'team:billing', 'env=prod'],
    checkedAt: CHECKED,
    status: 'down',
    category: 'rate_limiting',
    phasesMs: { dns: null, connect: 1.5, tls: 12, ttfb: 80, total: 95.5 },
    rateLimit: { remaining: 0, limit: 5000, resetAt: new Date('2026-12-02T10:30:00.000Z') },
    certificateExpiresAt: new Date('2027-01-01T00:00:00.000Z'),
    tokenExpiresAt: null,
    counters: { probes: 42, 'failures:rate_limiting': 7 },
    firing: { down: 1 },
    ...fields,
  };
}

const values = (samples: { labels: Record<string, string>; value: number }[], label?: string) =>
  Object.fromEntries(samples.map((s) => [label ? s.labels[label] : s.labels.integration, s.value]));

describe(integrationSeries.name, () => {
  const series = integrationSeries([row()]);

  it('says down as 0 and the status and category as state sets, 1 for the current value only', () => {
    expect(values(series.integration_up)).toEqual({ 'Payments API': 0 });
    expect(values(series.integration_probe_status, 'status')).toEqual({ up: 0, degraded: 0, down: 1 });
    const categories = values(series.integration_probe_category, 'category');
    expect(Object.keys(categories)).toHaveLength(10);
    expect(Object.entries(categories).filter(([, v]) => v === 1)).toEqual([['rate_limiting', 1]]);
  });

  it('reads times as Unix seconds and durations in seconds, leaving out a phase that did not happen', () => {
    expect(series.integration_last_probe_timestamp_seconds).toEqual([
      { labels: { integration: 'Payments API' }, value: CHECKED.getTime() / 1000 },
    ]);
    expect(values(series.integration_probe_duration_seconds, 'phase')).toEqual({
      connect: 0.0015,
      tls: 0.012,
      ttfb: 0.08,
      total: 0.0955,
    });
    expect(values(series.integration_rate_limit_reset_timestamp_seconds)).toEqual({
      'Payments API': Date.parse('2026-12-02T10:30:00.000Z') / 1000,
    });
    expect(values(series.integration_certificate_expiry_timestamp_seconds)).toEqual({
      'Payments API': Date.parse('2027-01-01T00:00:00.000Z') / 1000,
    });
    expect(series.integration_token_expiry_timestamp_seconds).toEqual([]);
  });

  it('gives counters as stored, failures only for categories that failed, and firing alerts by severity', () => {
    expect(values(series.integration_probes_total)).toEqual({ 'Payments API': 42 });
    expect(series.integration_probe_failures_total).toEqual([
      { labels: { integration: 'Payments API', category: 'rate_limiting' }, value: 7 },
    ]);
    expect(values(series.integration_alerts_firing, 'severity')).toEqual({ degraded: 0, down: 1 });
  });

  it('keeps an integration never probed to its info, a zero count and its alerts', () => {
    const fresh = integrationSeries([
      row({
        name: 'New',
        paused: true,
        checkedAt: null,
        status: null,
        category: null,
        counters: {},
        firing: {},
      }),
    ]);
    expect(fresh.integration_info).toEqual([
      {
        labels: {
          integration: 'New',
          integration_id: 'b3f1c2d4-0000-4000-8000-000000000001',
          kind: 'http',
          paused: 'true',
        },
        value: 1,
      },
    ]);
    expect(values(fresh.integration_probes_total)).toEqual({ New: 0 });
    for (const name of [
      'integration_up',
      'integration_probe_status',
      'integration_probe_duration_seconds',
    ] as const)
      expect(fresh[name]).toEqual([]);
  });

  it('labels integration_info with the named tag keys only, "" where the integration has none', () => {
    const [info] = integrationSeries([row()], ['team', 'env', 'region']).integration_info;
    expect(info?.labels).toMatchObject({ team: 'billing', env: 'prod', region: '' });
    expect(integrationSeries([row()]).integration_info[0]?.labels).not.toHaveProperty('team');
  });

  it('never puts a URL, a message or an error in a label', () => {
    const labelValues = Object.values(series).flatMap((samples) =>
      samples.flatMap((s) => Object.values(s.labels)),
    );
    expect(labelValues.filter((value) => /[:/]{2}|\s{2}/.test(value) || value.length > 100)).toEqual([]);
  });
});
