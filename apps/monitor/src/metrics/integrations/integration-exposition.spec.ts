import { gunzipSync } from 'node:zlib';
import {
  bucketKey,
  bucketOf,
  ExpositionBuilder,
  renderBucket,
  stateKey,
  type ExpositionFormat,
} from './integration-exposition';
import type { IntegrationMetricsRow, IntegrationState } from './integration-series';

const row = (state: Partial<IntegrationState> = {}): IntegrationMetricsRow => ({
  state: {
    id: 'b3f1c2d4-0000-4000-8000-000000000001',
    name: 'Pay "EU"\\API\nv2',
    kind: 'http',
    paused: false,
    tags: [],
    status: 'up',
    category: null,
    firing: { degraded: 0, down: 0 },
    ...state,
  },
  readings: {
    checkedAt: 1_764_669_600,
    phasesMs: { dns: null, connect: null, tls: null, ttfb: 1, total: 2 },
    rateLimit: { remaining: null, limit: null, resetAt: null },
    certificateExpiresAt: null,
    tokenExpiresAt: null,
    counters: { probes: 3 },
  },
});

function bucket(rows: IntegrationMetricsRow[]) {
  const states = rows.map(({ state }) => state);
  return renderBucket(bucketKey(states), states, []);
}

async function rendered(format: ExpositionFormat, buckets: IntegrationMetricsRow[][] = [[row()]]) {
  const builder = new ExpositionBuilder();
  for (const rows of buckets) {
    builder.add(bucket(rows), rows);
    builder.flush();
  }
  return Buffer.concat(await builder.finish(format)).toString();
}

describe(ExpositionBuilder.name, () => {
  it('writes HELP and TYPE once a family, then its samples, escaping label values', async () => {
    const text = await rendered('text');
    expect(text).toContain(
      '# HELP integration_up 1 when the latest result is up or degraded, 0 when down.\n# TYPE integration_up gauge\n' +
        'integration_up{integration="Pay \\"EU\\"\\\\API\\nv2"} 1\n',
    );
    expect(text.match(/^# TYPE integration_probes_total counter$/gm)).toHaveLength(1);
    expect(text).toContain('integration_probes_total{integration="Pay \\"EU\\"\\\\API\\nv2"} 3\n');
  });

  it('keeps each family in one group across buckets and flushes', async () => {
    const text = await rendered('text', [
      [row({ id: 'a1', name: 'A' }), row({ id: 'a2', name: 'B' })],
      [row({ id: 'b1', name: 'C' })],
    ]);
    const sampleFamilies = text
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => line.slice(0, line.indexOf('{')));
    const groups = sampleFamilies.filter((name, i) => name !== sampleFamilies[i - 1]);
    expect(new Set(groups).size).toBe(groups.length);
    expect(text).toMatch(
      /integration_up\{integration="A"\} 1\nintegration_up\{integration="B"\} 1\nintegration_up\{integration="C"\} 1\n/,
    );
    expect(text).toMatch(
      /integration_probes_total\{integration="A"\} 3\nintegration_probes_total\{integration="B"\} 3\nintegration_probes_total\{integration="C"\} 3\n/,
    );
  });

  it('writes the same exposition gzipped, as members that concatenate, a bucket compressed once', async () => {
    const rows = [row({ id: 'a1', name: 'A' }), row({ id: 'a2', name: 'B' })];
    const kept = bucket(rows);
    const gzipped = new ExpositionBuilder('gzip');
    gzipped.add(kept, rows);
    const identity = new ExpositionBuilder();
    identity.add(kept, rows);
    const text = Buffer.concat(await identity.finish('text')).toString();
    expect(gunzipSync(Buffer.concat(await gzipped.finish('text'))).toString()).toBe(text);
    const members = kept.gzipped;
    new ExpositionBuilder('gzip').add(kept, rows);
    expect(kept.gzipped).toBe(members);
  });

  it('leaves out families without samples', async () => {
    expect(await rendered('text')).not.toContain('integration_token_expiry_timestamp_seconds');
  });

  it('names counter families without _total in OpenMetrics, keeping the samples, with no blank lines', async () => {
    const open = await rendered('openmetrics');
    expect(open).toMatch(/^# TYPE integration_probes counter$/m);
    expect(open).toMatch(/^integration_probes_total\{/m);
    expect(open).not.toMatch(/\n\n/);
  });
});

describe('state buckets', () => {
  const { state } = row();

  it('change key with everything the state families read, so kept bytes are never stale', async () => {
    const changes: Partial<IntegrationState>[] = [
      { id: 'b3f1c2d4-0000-4000-8000-000000000002' },
      { name: 'Renamed' },
      { paused: true },
      { tags: ['team:search'] },
      { status: 'down' },
      { category: 'server_error' },
      { firing: { degraded: 1, down: 0 } },
      { firing: { degraded: 0, down: 1 } },
    ];
    for (const change of changes) expect(stateKey({ ...state, ...change })).not.toBe(stateKey(state));
    expect(stateKey({ ...state })).toBe(stateKey(state));
  });

  it('change key when a member comes or goes', async () => {
    const other = { ...state, id: 'b3f1c2d4-0000-4000-8000-000000000002' };
    expect(bucketKey([state, other])).not.toBe(bucketKey([state]));
    expect(bucketKey([state, other])).toBe(bucketKey([{ ...state }, { ...other }]));
  });

  it('group integrations by the first byte of their id: 256 buckets', async () => {
    expect(bucketOf('b3f1c2d4-0000-4000-8000-000000000001')).toBe('b3');
    expect(bucketOf('b3aaaaaa-0000-4000-8000-000000000001')).toBe('b3');
    expect(bucketOf('0e000000-0000-4000-8000-000000000001')).toBe('0e');
  });
});

describe('reading lines kept between scrapes', () => {
  const scrape = async (rows: IntegrationMetricsRow[], previous?: ExpositionBuilder) => {
    const builder = new ExpositionBuilder('identity', previous?.written);
    builder.add(bucket(rows), rows);
    return { builder, text: Buffer.concat(await builder.finish('text')).toString() };
  };
  const withReadings = (readings: Partial<IntegrationMetricsRow['readings']>, state = {}) => {
    const base = row(state);
    return { ...base, readings: { ...base.readings, ...readings } };
  };

  it('are reused for an integration with no new result, and the scrape reads the same', async () => {
    const first = await scrape([row()]);
    const again = await scrape([row()], first.builder);
    expect(again.text).toBe(first.text);
    const id = row().state.id;
    expect(again.builder.written.get(id)!.lines).toBe(first.builder.written.get(id)!.lines);
  });

  it.each<[string, IntegrationMetricsRow]>([
    ['a new result (checkedAt)', withReadings({ checkedAt: 1_764_669_660 })],
    [
      'a counter that moved without a new time',
      withReadings({ counters: { probes: 3, 'failures:rate_limiting': 1 } }),
    ],
    ['a rename', withReadings({}, { name: 'Renamed' })],
  ])('are written again after %s', async (_change, changed) => {
    const first = await scrape([row()]);
    const again = await scrape([changed], first.builder);
    const fresh = await scrape([changed]);
    expect(again.text).toBe(fresh.text);
    expect(again.text).not.toBe(first.text);
  });

  it('are forgotten for an integration that is gone', async () => {
    const first = await scrape([row()]);
    const other = row({ id: 'c0000000-0000-4000-8000-000000000009', name: 'Other' });
    const again = await scrape([other], first.builder);
    expect([...again.builder.written.keys()]).toEqual([other.state.id]);
  });
});
