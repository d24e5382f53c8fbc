import { get, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { IntegrationSchema } from '@ihm/contracts';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { sleep, spawnMonitor, stopProcess, switchableTarget } from './processes';

const METRICS_TOKEN = randomBytes(24).toString('hex');
// The worker processes open the secrets this process sealed.
const ENCRYPTION_KEY = randomBytes(32).toString('hex');

/** The scrape, parsed by a real exposition parser: family name → type and samples. */
async function scrape(monitor: RunningMonitor, token = METRICS_TOKEN) {
  const res = await fetch(`${monitor.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
  return new Map(parsePrometheusTextFormat(await res.text()).map((family) => [family.name, family]));
}

type Scrape = Awaited<ReturnType<typeof scrape>>;

/** The value of one series, found by its labels; undefined when it is not there. */
function valueOf(families: Scrape, name: string, labels: Record<string, string>): number | undefined {
  const sample = families
    .get(name)
    ?.metrics.find((m) => Object.entries(labels).every(([key, value]) => m.labels?.[key] === value));
  return sample?.value === undefined ? undefined : Number(sample.value);
}

describe('per-integration metrics', () => {
  let target: Awaited<ReturnType<typeof switchableTarget>>;
  let monitor: RunningMonitor;

  beforeAll(async () => {
    target = await switchableTarget(200);
    monitor = await startMonitor({ METRICS_TOKEN, ENCRYPTION_KEY, METRICS_TAG_LABELS: 'team' });
  });
  afterAll(async () => {
    await monitor.close();
    await new Promise((resolve) => target.server.close(resolve));
  });

  const create = async (json: Record<string, unknown>) => {
    const res = await monitor.call('/api/integrations', { method: 'POST', json });
    expect(res.status).toBe(201);
    return IntegrationSchema.parse(await res.json());
  };
  const probe = (id: string) => monitor.call(`/api/integrations/${id}/probe`, { method: 'POST' });

  it('is refused without METRICS_TOKEN, and taken with it', async () => {
    expect((await fetch(`${monitor.baseUrl}/metrics`)).status).toBe(401);
    expect(
      (await fetch(`${monitor.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    await scrape(monitor);
  });

  it('speaks OpenMetrics to a scraper that asks for it, and the text format after', async () => {
    const res = await fetch(`${monitor.baseUrl}/metrics`, {
      headers: {
        authorization: `Bearer ${METRICS_TOKEN}`,
        accept: 'application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5',
      },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/openmetrics-text;.*version=1\.0\.0/);
    const body = await res.text();
    expect(body.endsWith('\n# EOF\n')).toBe(true);
    expect(body).toMatch(/^# TYPE monitor_results_written counter$/m);
    expect(body).toMatch(/^monitor_results_written_total \d+$/m);
    // The text format is untouched by it.
    expect((await scrape(monitor)).get('monitor_results_written_total')?.type).toBe('COUNTER');
  });

  it('says how each integration is doing, with conventional names, types, labels and units', async () => {
    const orders = await create({
      name: 'Orders API',
      url: `${target.url}/orders`,
      paused: true,
      tags: ['shop', 'team:commerce'],
    });
    target.answer(200);
    expect((await probe(orders.id)).status).toBe(200);
    let families = await scrape(monitor);
    const integration = { integration: 'Orders API' };
    expect(families.get('integration_up')?.type).toBe('GAUGE');
    expect(families.get('integration_probes_total')?.type).toBe('COUNTER');
    // No failure yet: the family has no series, and so is not written.
    expect(families.has('integration_probe_failures_total')).toBe(false);
    expect(valueOf(families, 'integration_up', integration)).toBe(1);
    expect(valueOf(families, 'integration_probes_total', integration)).toBe(1);
    expect(valueOf(families, 'integration_probe_status', { ...integration, status: 'up' })).toBe(1);
    expect(valueOf(families, 'integration_probe_status', { ...integration, status: 'down' })).toBe(0);
    // METRICS_TAG_LABELS=team: the `team:` tag's value labels integration_info; no other tag does.
    const info = { ...integration, integration_id: orders.id, paused: 'true', team: 'commerce' };
    expect(valueOf(families, 'integration_info', info)).toBe(1);
    expect(families.get('integration_info')?.metrics.some((m) => 'shop' in (m.labels ?? {}))).toBe(false);
    const total = valueOf(families, 'integration_probe_duration_seconds', { ...integration, phase: 'total' });
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(5);
    const last = valueOf(families, 'integration_last_probe_timestamp_seconds', integration)!;
    expect(Math.abs(last - Date.now() / 1000)).toBeLessThan(30);

    // A 429 is a rate-limiting failure: the counter of that category moves, the state sets follow.
    target.answer(429);
    expect((await probe(orders.id)).status).toBe(200);
    families = await scrape(monitor);
    expect(valueOf(families, 'integration_up', integration)).toBe(0);
    expect(valueOf(families, 'integration_probes_total', integration)).toBe(2);
    expect(families.get('integration_probe_failures_total')?.type).toBe('COUNTER');
    expect(
      valueOf(families, 'integration_probe_failures_total', { ...integration, category: 'rate_limiting' }),
    ).toBe(1);
    expect(
      valueOf(families, 'integration_probe_category', { ...integration, category: 'rate_limiting' }),
    ).toBe(1);
    expect(
      valueOf(families, 'integration_probe_category', { ...integration, category: 'authentication' }),
    ).toBe(0);

    // No URL, message or id-bearing path is ever a label value.
    const labelValues = [...families.values()].flatMap((family) =>
      family.metrics.flatMap((sample) => Object.values(sample.labels ?? {})),
    );
    expect(labelValues.filter((value) => value.includes('://') || value.includes('/orders'))).toEqual([]);

    // Deleted: its series are gone at the next scrape.
    expect((await monitor.call(`/api/integrations/${orders.id}`, { method: 'DELETE' })).status).toBe(204);
    families = await scrape(monitor);
    const left = [...families.values()].flatMap((family) =>
      family.metrics.filter((sample) => sample.labels?.integration === 'Orders API'),
    );
    expect(left).toEqual([]);
  });

  it('gzips for a scraper that accepts it, as Prometheus does, and not for one that does not', async () => {
    const ledger = await create({ name: 'Ledger API', url: `${target.url}/ledger` });
    target.answer(200);
    expect((await probe(ledger.id)).status).toBe(200);
    const raw = (encoding: string) =>
      new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        // node:http, not fetch: fetch would decompress and hide the encoding.
        get(
          `${monitor.baseUrl}/metrics`,
          { headers: { authorization: `Bearer ${METRICS_TOKEN}`, 'accept-encoding': encoding } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
          },
        ).on('error', reject);
      });
    const gzipped = await raw('gzip');
    const plain = await raw('identity');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);
    const unzipped = gunzipSync(gzipped.body).toString();
    // The same families and series; only the process's own values may have moved between the two scrapes.
    const names = (text: string) => text.split('\n').filter((line) => line.startsWith('integration_'));
    expect(names(unzipped).length).toBeGreaterThan(0);
    expect(names(unzipped)).toEqual(names(plain.body.toString()));
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect((await monitor.call(`/api/integrations/${ledger.id}`, { method: 'DELETE' })).status).toBe(204);
  });

  it('adds up what worker processes probed, and keeps counting across their restart', async () => {
    target.answer(200);
    await create({ name: 'Billing API', url: `${target.url}/billing`, intervalSeconds: 10 });
    const env = {
      DATABASE_URL: monitor.db.connectionString,
      ENCRYPTION_KEY,
      ROLE: 'worker',
    };
    const probes = async () =>
      valueOf(await scrape(monitor), 'integration_probes_total', { integration: 'Billing API' }) ?? 0;
    const until = async (done: (n: number) => boolean, ms: number) => {
      let n = await probes();
      for (const deadline = Date.now() + ms; !done(n) && Date.now() < deadline; n = await probes())
        await sleep(500);
      return n;
    };
    const start = async () =>
      spawnMonitor({ ...env, DATA_DIR: await mkdtemp(join(tmpdir(), 'ihm-metrics-')) });
    // This process only serves the API (ROLE=api): every count comes from the workers, through Postgres.
    const first = await start();
    const before = await until((n) => n >= 1, 30_000);
    await stopProcess(first);
    expect(before).toBeGreaterThanOrEqual(1);
    const second = await start();
    try {
      const after = await until((n) => n > before, 30_000);
      expect(after).toBeGreaterThan(before);
    } finally {
      await stopProcess(second);
    }
  }, 90_000);
});
