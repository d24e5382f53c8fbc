// npm run bench:scheduler — the scheduler and storage at scale on this machine, against a real PostgreSQL
// (BENCH_DATABASE_URL or TEST_DATABASE_URL, else an embedded server) and a loopback target in its own process:
//   1. 10,000 integrations every 30 s (333 probes/s needed): sustained probes/s, scheduling lag p50/p99,
//      the monitor's CPU %, result rows written per second;
//   2. reads with 30 days of rollups for 1,000 integrations: /api/overview and /trend?window=30d p50/p95;
//   3. the overview's first page (100 integrations, each with its hour of latency sparkline) with 10,000.
import { applyMigrations } from '@ihm/db';
import { createDatabase, databaseUrl, dropDatabase } from '@ihm/db/testing';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { adminDatabase, freePort, sleep, waitFor } from '../lib/stack.mjs';
import { cpuSeconds, fmt, histogramQuantile, percentile, root, startSandbox } from './lib.mjs';

const INTEGRATIONS = Number(process.env.BENCH_INTEGRATIONS ?? 10_000);
const INTERVAL_S = 30;
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 40);
const MEASURE_S = Number(process.env.BENCH_MEASURE_S ?? 60);
const READ_INTEGRATIONS = 1000;
const OVERVIEW_INTEGRATIONS = 10_000;
const READ_REQUESTS = 300;
const TOKEN = 'bench-token-0123456789abcdef';
async function sql(url, text, params = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

const dataDir = await mkdtemp(join(tmpdir(), 'ihm-bench-monitor-'));

function startMonitor(env) {
  const child = spawn(process.execPath, [join(root, 'apps/monitor/dist/main.js')], {
    env: {
      ...process.env,
      NO_COLOR: '1',
      LOG_LEVEL: 'warn',
      API_TOKEN: TOKEN,
      ENCRYPTION_KEY: '0'.repeat(64),
      DATA_DIR: dataDir,
      DEMO: '0',
      ALLOW_PRIVATE_TARGETS: 'true', // the target listens on loopback
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  return child;
}

const waitHealthy = (url) => waitFor(`${url}/health`, 'the monitor');

const stop = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });

/** Prometheus histogram buckets and counters from a /metrics scrape. */
async function scrape(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets = [...text.matchAll(/^monitor_scheduler_lag_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)].map(
    ([, le, n]) => [le === '+Inf' ? Infinity : Number(le), Number(n)],
  );
  const written = Number(/^monitor_results_written_total (\d+)/m.exec(text)?.[1] ?? 0);
  return { buckets, written };
}

async function timeRequests(url, count) {
  const times = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

const admin = await adminDatabase(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
const sandbox = await startSandbox();
const writeDb = databaseUrl(admin.url, 'ihm_bench_scheduler');
const readDb = databaseUrl(admin.url, 'ihm_bench_reads');
const report = [];
try {
  // 1. Scheduling and writes.
  await createDatabase(admin.url, 'ihm_bench_scheduler');
  await applyMigrations(writeDb);
  await sql(
    writeDb,
    `WITH i AS (
       INSERT INTO integrations (name, url, method, interval_seconds, timeout_ms, updated_at)
       SELECT 'bench ' || n, $1, 'GET', ${INTERVAL_S}, 5000, now() FROM generate_series(1, ${INTEGRATIONS}) AS n
       RETURNING id)
     INSERT INTO check_schedules (integration_id, next_due_at)
     SELECT id, now() + (('x' || substr(md5(id::text), 1, 8))::bit(32)::bigint % ${INTERVAL_S * 1000}) * interval '1 ms' FROM i`,
    [`${sandbox.url}/v1/widgets`],
  );
  const port = await freePort();
  const api = `http://127.0.0.1:${port}`;
  const monitor = startMonitor({
    DATABASE_URL: writeDb,
    MONITOR_PORT: String(port),
    PROBE_CONCURRENCY: '100',
  });
  await waitHealthy(api);
  await sleep(WARMUP_S * 1000);
  const before = { metrics: await scrape(api), cpu: await cpuSeconds(monitor.pid), at: performance.now() };
  const windowStart = new Date();
  await sleep(MEASURE_S * 1000);
  const after = { metrics: await scrape(api), cpu: await cpuSeconds(monitor.pid), at: performance.now() };
  const windowEnd = new Date();
  await stop(monitor);
  const seconds = (after.at - before.at) / 1000;
  const [{ n: probed }] = await sql(
    writeDb,
    'SELECT count(*)::int AS n FROM probe_results WHERE started_at >= $1 AND started_at < $2',
    [windowStart, windowEnd],
  );
  report.push(
    [
      'sustained probes/s (results started in the window)',
      fmt(probed / seconds),
      `≥ ${fmt(INTEGRATIONS / INTERVAL_S)} needed`,
    ],
    ['scheduling lag p50', `${fmt(histogramQuantile(before.metrics, after.metrics, 0.5) * 1000)} ms`, ''],
    [
      'scheduling lag p99',
      `${fmt(histogramQuantile(before.metrics, after.metrics, 0.99) * 1000)} ms`,
      '< 1,000 ms',
    ],
    [
      'monitor CPU (% of one core; 200 % = both cores)',
      `${fmt(((after.cpu - before.cpu) / seconds) * 100)} %`,
      '',
    ],
    ['result rows written/s', fmt((after.metrics.written - before.metrics.written) / seconds), ''],
  );

  // 2. Reads over 30 days of rollups for 1,000 integrations.
  await createDatabase(admin.url, 'ihm_bench_reads');
  await applyMigrations(readDb);
  const loadStarted = performance.now();
  await sql(
    readDb,
    `INSERT INTO integrations (name, url, method, interval_seconds, updated_at)
     SELECT 'read ' || n, $1, 'GET', 30, now() FROM generate_series(1, ${READ_INTEGRATIONS}) AS n`,
    [`${sandbox.url}/v1/widgets`],
  );
  // Per phase, 55 probes in one bucket (and 5 in the next for connect, ttfb and total), with the phase's maximum.
  const buckets = (counts) => `ARRAY[${Array.from({ length: 18 }, (_, i) => counts[i] ?? 0).join(',')}]`;
  const latency = [
    buckets({ 4: 55 }),
    '3',
    buckets({ 6: 55, 7: 5 }),
    '4',
    buckets({ 6: 55 }),
    '9',
    buckets({ 7: 55, 8: 5 }),
    '180',
    buckets({ 7: 55, 8: 5 }),
    '190',
  ].join(', ');
  const LATENCY_COLUMNS =
    'dns_histogram, dns_max_ms, connect_histogram, connect_max_ms, tls_histogram, tls_max_ms, ' +
    'ttfb_histogram, ttfb_max_ms, total_histogram, total_max_ms';
  await sql(
    readDb,
    `INSERT INTO result_rollups_hour (integration_id, bucket_start, probe_count, degraded_count, failure_count,
       ${LATENCY_COLUMNS}, rate_limit_remaining, rate_limit_limit, rate_limit_at)
     SELECT i.id, h, 120, 2, 1, ${latency}, 4000, 5000, h
     FROM integrations i, generate_series(date_trunc('hour', now()) - interval '30 days', now(), interval '1 hour') AS h`,
  );
  await sql(
    readDb,
    `INSERT INTO result_rollups_minute (integration_id, bucket_start, probe_count, degraded_count, failure_count,
       ${LATENCY_COLUMNS}, rate_limit_remaining, rate_limit_limit, rate_limit_at)
     SELECT i.id, m, 2, 0, 0, ${latency}, 4000, 5000, m
     FROM integrations i, generate_series(date_trunc('minute', now()) - interval '1 day', now(), interval '1 minute') AS m`,
  );
  await sql(
    readDb,
    `INSERT INTO integration_statuses (integration_id, checked_at, status, category, overview_group, http_status, message, total_ms)
     SELECT id, now(), s, CASE WHEN s = 'down' THEN 'server_error'::"Category" END,
       CASE WHEN s = 'down' THEN 'server_error' ELSE 'healthy' END, 200, 'OK (200).', 120
     FROM (SELECT id, CASE WHEN random() < 0.1 THEN 'down' ELSE 'up' END::"ProbeStatus" AS s FROM integrations) AS i`,
  );
  await sql(readDb, 'ANALYZE');
  const [{ hours, minutes }] = await sql(
    readDb,
    'SELECT (SELECT count(*) FROM result_rollups_hour)::int AS hours, (SELECT count(*) FROM result_rollups_minute)::int AS minutes',
  );
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const readPort = await freePort();
  const readApi = `http://127.0.0.1:${readPort}`;
  const reader = startMonitor({ DATABASE_URL: readDb, MONITOR_PORT: String(readPort), ROLE: 'api' });
  await waitHealthy(readApi);
  const [{ id }] = await sql(readDb, 'SELECT id FROM integrations ORDER BY name LIMIT 1 OFFSET 500');
  await timeRequests(`${readApi}/api/overview`, 20);
  await timeRequests(`${readApi}/api/integrations/${id}/trend?window=30d`, 20);
  const overview = await timeRequests(`${readApi}/api/overview`, READ_REQUESTS);
  const trend30d = await timeRequests(`${readApi}/api/integrations/${id}/trend?window=30d`, READ_REQUESTS);
  const trend24h = await timeRequests(`${readApi}/api/integrations/${id}/trend?window=24h`, READ_REQUESTS);

  // 3. 9,000 more integrations, 5 % never probed, a tenth of the others failing or degraded in some category,
  // with their last hour of minute rollups written minute after minute as the scheduler does: the rollups of one
  // page's integrations lie spread over the table, as they do in a running monitor.
  await sql(
    readDb,
    `INSERT INTO integrations (name, url, method, interval_seconds, updated_at, tags)
     SELECT 'more ' || n, $1, 'GET', 30, now(), ARRAY['team-' || (n % 20)]
     FROM generate_series(1, ${OVERVIEW_INTEGRATIONS - READ_INTEGRATIONS}) AS n`,
    [`${sandbox.url}/v1/widgets`],
  );
  await sql(
    readDb,
    `INSERT INTO integration_statuses (integration_id, checked_at, status, category, overview_group, http_status, message, total_ms)
     SELECT id, now(), s, c, coalesce(c::text, 'healthy'), 200, 'x', 120
     FROM (SELECT id, CASE WHEN r < 0.9 THEN 'up' WHEN r < 0.95 THEN 'degraded' ELSE 'down' END::"ProbeStatus" AS s,
             CASE WHEN r < 0.9 THEN NULL ELSE (enum_range(NULL::"Category"))[1 + floor(random() * 10)::int] END AS c
           FROM (SELECT id, random() AS r FROM integrations WHERE name LIKE 'more %') AS r) AS i
     WHERE random() < 0.95`,
  );
  await sql(
    readDb,
    `INSERT INTO result_rollups_minute (integration_id, bucket_start, probe_count, degraded_count, failure_count,
       ${LATENCY_COLUMNS}, rate_limit_remaining, rate_limit_limit, rate_limit_at)
     SELECT i.id, m, 2, 0, 0, ${latency}, 4000, 5000, m
     FROM integrations i, generate_series(date_trunc('minute', now()) - interval '1 hour', now(), interval '1 minute') AS m
     WHERE i.name LIKE 'more %' ORDER BY m, random()`,
  );
  await sql(readDb, 'ANALYZE');
  await timeRequests(`${readApi}/api/overview`, 20);
  const overviewAtScale = await timeRequests(`${readApi}/api/overview`, READ_REQUESTS);
  await stop(reader);
  report.push(
    [
      `/api/overview p50 / p95 (${fmt(READ_INTEGRATIONS)} integrations)`,
      `${fmt(overview.p50, 1)} / ${fmt(overview.p95, 1)} ms`,
      '',
    ],
    [
      `/api/overview p50 / p95 (${fmt(OVERVIEW_INTEGRATIONS)} integrations, first page of 100)`,
      `${fmt(overviewAtScale.p50, 1)} / ${fmt(overviewAtScale.p95, 1)} ms`,
      'p95 < 150 ms',
    ],
    ['/trend?window=30d p50 / p95', `${fmt(trend30d.p50, 1)} / ${fmt(trend30d.p95, 1)} ms`, 'p95 < 50 ms'],
    ['/trend?window=24h p50 / p95', `${fmt(trend24h.p50, 1)} / ${fmt(trend24h.p95, 1)} ms`, ''],
  );
  console.log(
    `bench:scheduler — ${fmt(INTEGRATIONS)} integrations every ${INTERVAL_S} s for ${MEASURE_S} s after ${WARMUP_S} s warm-up, ` +
      `${admin.label}; reads over ${fmt(hours)} hour and ${fmt(minutes)} minute rollups (loaded in ${fmt(loadSeconds)} s), ` +
      `then ${fmt(OVERVIEW_INTEGRATIONS)} integrations with an hour of minute rollups; ${READ_REQUESTS} sequential requests each`,
  );
  console.log('');
  console.log('| measure | value | target |');
  console.log('| --- | --- | --- |');
  for (const [measure, value, target] of report) console.log(`| ${measure} | ${value} | ${target} |`);
} finally {
  sandbox.stop();
  await dropDatabase(admin.url, 'ihm_bench_scheduler').catch(() => {});
  await dropDatabase(admin.url, 'ihm_bench_reads').catch(() => {});
  await admin.stop();
  await rm(dataDir, { recursive: true, force: true });
}
