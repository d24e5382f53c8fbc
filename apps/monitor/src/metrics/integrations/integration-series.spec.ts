import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { bucketKey, ExpositionBuilder, renderBucket } from './integration-exposition';
import type { IntegrationMetricsRow, IntegrationReadings, IntegrationState } from './integration-series';

const CHECKED = Date.parse('2026-12-02T10:00:00.000Z') / 1000;

function row(
  state: Partial<IntegrationState> = {},
  readings: Partial<IntegrationReadings> = {},
): IntegrationMetricsRow {
  return {
    state: {
      id: 'b3f1c2d4-0000-4000-8000-000000000001',
      name: 'Payments API',
      kind: 'http',
      paused: false,
      tags: ['payments', 'team:billing', 'env=prod'],
      status: 'down',
      category: 'rate_limiting',
      firing: { degraded: 0, down: 1 },
      ...state,
    },
    readings: {
      checkedAt: CHECKED,
      phasesMs: { dns: null, connect: 1.5, tls: 12, ttfb: 80, total: 95.5 },
      rateLimit: { remaining: 0, limit: 5000, resetAt: Date.parse('2026-12-02T10:30:00.000Z') / 1000 },
      certificateExpiresAt: Date.parse('2027-01-01T00:00:00.000Z') / 1000,
      tokenExpiresAt: null,
      counters: { probes: 42, 'failures:rate_limiting': 7 },
      ...readings,
    },
  };
}

/** The families as a real exposition parser reads them: name → its samples' labels and values. */
async function expose(rows: IntegrationMetricsRow[], tagKeys: string[] = []) {
  const builder = new ExpositionBuilder();
  const states = rows.map(({ state }) => state);
  builder.add(renderBucket(bucketKey(states), states, tagKeys), rows);
  const families = parsePrometheusTextFormat(Buffer.concat(await builder.finish('text')).toString());
  return Object.fromEntries(
    families.map((family) => [
      family.name,
      family.metrics.map((m) => ({ labels: m.labels ?? {}, value: Number(m.value) })),
    ]),
  );
}

const values = (samples: { labels: Record<string, string>; value: number }[] = [], label = 'integration') =>
  Object.fromEntries(samples.map((s) => [s.labels[label], s.value]));

describe('integration series', () => {
  let series: Awaited<ReturnType<typeof expose>>;
  beforeAll(async () => {
    series = await expose([row()]);
  });

  it('says down as 0 and the status and category as state sets, 1 for the current value only', async () => {
    expect(values(series.integration_up)).toEqual({ 'Payments API': 0 });
    expect(values(series.integration_probe_status, 'status')).toEqual({ up: 0, degraded: 0, down: 1 });
    const categories = values(series.integration_probe_category, 'category');
    expect(Object.keys(categories)).toHaveLength(10);
    expect(Object.entries(categories).filter(([, v]) => v === 1)).toEqual([['rate_limiting', 1]]);
  });

  it('reads times as Unix seconds and durations in seconds, leaving out a phase that did not happen', async () => {
    expect(series.integration_last_probe_timestamp_seconds).toEqual([
      { labels: { integration: 'Payments API' }, value: CHECKED },
    ]);
    expect(values(series.integration_probe_duration_seconds, 'phase')).toEqual({
      connect: 0.0015,
      tls: 0.012,
      ttfb: 0.08,
      total: 0.0955,
    });
    expect(values(series.integration_rate_limit_remaining)).toEqual({ 'Payments API': 0 });
    expect(values(series.integration_rate_limit_limit)).toEqual({ 'Payments API': 5000 });
    expect(values(series.integration_rate_limit_reset_timestamp_seconds)).toEqual({
      'Payments API': Date.parse('2026-12-02T10:30:00.000Z') / 1000,
    });
    expect(values(series.integration_certificate_expiry_timestamp_seconds)).toEqual({
      'Payments API': Date.parse('2027-01-01T00:00:00.000Z') / 1000,
    });
    expect(series.integration_token_expiry_timestamp_seconds).toBeUndefined();
  });

  it('gives counters as stored, failures only for categories that failed, and firing alerts by severity', async () => {
    expect(values(series.integration_probes_total)).toEqual({ 'Payments API': 42 });
    expect(series.integration_probe_failures_total).toEqual([
      { labels: { integration: 'Payments API', category: 'rate_limiting' }, value: 7 },
    ]);
    expect(values(series.integration_alerts_firing, 'severity')).toEqual({ degraded: 0, down: 1 });
  });

  it('keeps an integration never probed to its info, a zero count and its alerts', async () => {
    const fresh = await expose([
      row(
        {
          name: 'New',
          kind: 'webhook',
          paused: true,
          status: null,
          category: null,
          firing: { degraded: 0, down: 0 },
        },
        {
          checkedAt: null,
          phasesMs: { dns: null, connect: null, tls: null, ttfb: null, total: null },
          rateLimit: { remaining: null, limit: null, resetAt: null },
          certificateExpiresAt: null,
          counters: {},
        },
      ),
    ]);
    expect(fresh.integration_info).toEqual([
      {
        labels: {
          integration: 'New',
          integration_id: 'b3f1c2d4-0000-4000-8000-000000000001',
          kind: 'webhook',
          paused: 'true',
        },
        value: 1,
      },
    ]);
    expect(values(fresh.integration_probes_total)).toEqual({ New: 0 });
    expect(values(fresh.integration_alerts_firing, 'severity')).toEqual({ degraded: 0, down: 0 });
    expect(Object.keys(fresh).sort()).toEqual([
      'integration_alerts_firing',
      'integration_info',
      'integration_probes_total',
    ]);
  });

  it('labels integration_info with the named tag keys only, "" where the integration has none', async () => {
    const [info] = (await expose([row()], ['team', 'env', 'region'])).integration_info!;
    expect(info?.labels).toMatchObject({ team: 'billing', env: 'prod', region: '' });
    expect(series.integration_info![0]?.labels).not.toHaveProperty('team');
  });

  it('gives every integration its own series', async () => {
    const two = await expose([
      row(),
      row({ id: 'b3f1c2d4-0000-4000-8000-000000000002', name: 'Search', status: 'up' }),
    ]);
    expect(values(two.integration_up)).toEqual({ 'Payments API': 0, Search: 1 });
    expect(two.integration_probe_category).toHaveLength(20);
  });

  it('never puts a URL, a message or an error in a label', async () => {
    const labelValues = Object.values(series).flatMap((samples) =>
      samples.flatMap((s) => Object.values(s.labels)),
    );
    expect(labelValues.filter((value) => /[:/]{2}|\s{2}/.test(value) || value.length > 100)).toEqual([]);
  });
});
