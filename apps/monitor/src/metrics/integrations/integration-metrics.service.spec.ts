import type { RuntimeConfig } from '../../config/runtime-config';
import type { IntegrationMetricsRepository } from './integration-metrics.repository';
import { IntegrationMetrics } from './integration-metrics.service';
import type { IntegrationMetricsRow } from './integration-series';

const row = (n: number, status: 'up' | 'down' = 'up'): IntegrationMetricsRow => ({
  state: {
    // Ids in 256 buckets and more than a chunk: buckets of several members, yields between chunks.
    id: `${(n % 256).toString(16).padStart(2, '0')}${String(n).padStart(6, '0')}-0000-4000-8000-000000000000`,
    name: `integration ${n}`,
    kind: 'http',
    paused: false,
    tags: [],
    status,
    category: status === 'down' ? 'server_error' : null,
    firing: { degraded: 0, down: 0 },
  },
  readings: {
    checkedAt: 1_764_669_600 + n,
    phasesMs: { dns: 1, connect: 1, tls: null, ttfb: 2, total: 4 },
    rateLimit: { remaining: null, limit: null, resetAt: null },
    certificateExpiresAt: null,
    tokenExpiresAt: null,
    counters: { probes: n },
  },
});

describe(IntegrationMetrics.name, () => {
  let rows: IntegrationMetricsRow[];
  const metrics = new IntegrationMetrics(
    {
      eachIntegration: async (visit: (row: IntegrationMetricsRow) => void) =>
        [...rows].sort((a, b) => a.state.id.localeCompare(b.state.id)).forEach(visit),
    } as unknown as IntegrationMetricsRepository,
    { env: { metricsTagLabels: [] } } as unknown as RuntimeConfig,
  );
  const scrape = async () => Buffer.concat(await metrics.exposition('text')).toString();
  const up = (text: string, n: number) =>
    new RegExp(`^integration_up\\{integration="integration ${n}"\\} (\\d)$`, 'm').exec(text)?.[1];

  it('writes what the latest snapshot says, whatever the last scrape kept', async () => {
    rows = Array.from({ length: 1500 }, (_, n) => row(n));
    const first = await scrape();
    expect(first.match(/^integration_up\{/gm)).toHaveLength(1500);
    expect(up(first, 7)).toBe('1');

    rows = rows.map((r, n) => (n === 7 ? row(7, 'down') : r)).filter((_, n) => n !== 3);
    rows.push(row(2000));
    const second = await scrape();
    expect(up(second, 7)).toBe('0');
    expect(second).toMatch(
      /^integration_probe_category\{integration="integration 7",category="server_error"\} 1$/m,
    );
    expect(up(second, 3)).toBeUndefined();
    expect(second).not.toContain('"integration 3"');
    expect(up(second, 2000)).toBe('1');
    expect(second.match(/^integration_up\{/gm)).toHaveLength(1500);
    expect(second).toMatch(/^integration_probes_total\{integration="integration 2000"\} 2000$/m);
  });

  it('shares a scrape in progress with scrapes that arrive meanwhile', async () => {
    rows = [row(1)];
    const [a, b] = [metrics.exposition('text'), metrics.exposition('text')];
    expect(a).toBe(b);
    await a;
    expect(metrics.exposition('text')).not.toBe(a);
  });
});
