import { addLines, noLines, renderFamilies } from './integration-exposition';
import { integrationSeries } from './integration-series';
import type { IntegrationMetricsRow } from './integration-metrics.repository';

const row: IntegrationMetricsRow = {
  id: 'b3f1c2d4-0000-4000-8000-000000000001',
  name: 'Pay "EU"\\API\nv2',
  paused: false,
  tags: [],
  checkedAt: new Date('2026-12-02T10:00:00.000Z'),
  status: 'up',
  category: null,
  phasesMs: { dns: null, connect: null, tls: null, ttfb: 1, total: 2 },
  rateLimit: { remaining: null, limit: null, resetAt: null },
  certificateExpiresAt: null,
  tokenExpiresAt: null,
  counters: { probes: 3 },
  firing: {},
};

function rendered(format: 'text' | 'openmetrics') {
  const lines = noLines();
  addLines(lines, integrationSeries([row]));
  return renderFamilies(lines, format);
}

describe(renderFamilies.name, () => {
  it('writes HELP and TYPE once a family, then its samples, escaping label values', () => {
    const text = rendered('text');
    expect(text).toContain(
      '# HELP integration_up 1 when the latest result is up or degraded, 0 when down.\n# TYPE integration_up gauge\n' +
        'integration_up{integration="Pay \\"EU\\"\\\\API\\nv2"} 1\n',
    );
    expect(text.match(/^# TYPE integration_probes_total counter$/gm)).toHaveLength(1);
    expect(text).toContain('integration_probes_total{integration="Pay \\"EU\\"\\\\API\\nv2"} 3');
  });

  it('leaves out families without samples', () => {
    expect(rendered('text')).not.toContain('integration_token_expiry_timestamp_seconds');
  });

  it('names counter families without _total in OpenMetrics, keeping the samples, with no blank lines', () => {
    const open = rendered('openmetrics');
    expect(open).toMatch(/^# TYPE integration_probes counter$/m);
    expect(open).toMatch(/^integration_probes_total\{/m);
    expect(open).not.toMatch(/\n\n/);
  });
});
