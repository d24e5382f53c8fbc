// npm run bench:scheduler — the scheduler and its storage at scale on this machine, against a real PostgreSQL
// (BENCH_DATABASE_URL or TEST_DATABASE_URL, else an embedded server), on the settings users get by default:
//   http:  60,000 integrations every 30 s (2,000 probes/s) against a target in its own process that answers like a
//          real API (median 200 ms, a long tail) on eight loopback addresses, over plain HTTP;
//   https: 30,000 every 30 s (1,000 probes/s) against the same target over HTTPS, its certificate from a local CA
//          (a full TLS handshake per probe). For both: probes/s, scheduling lag p50/p99, CPU per probe, RSS, open
//          sockets, probes in flight, and, counted from the stored rows, checks run twice or skipped;
//   coordination: the lease queue's ceiling with probes that do nothing, for 1, 2 and 4 worker processes: claims
//          and results written per second, as "integrations at 30 s one database can coordinate";
//   storage: bytes per stored result (success, failure) and the disk a day at 30,000 every 30 s, at the default
//          retention, beside the budget the README states;
//   reads: /api/overview and /trend with 30 days of rollups (1,000 integrations), the overview at 10,000.
// BENCH_SCENARIOS picks some (comma-separated); BENCH_RUNS repeats the load scenarios (medians are printed).
import { applyMigrations } from '@ihm/db';
import { createDatabase, databaseUrl, dropDatabase } from '@ihm/db/testing';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminDatabase, freePort, sleep, waitFor } from '../lib/stack.mjs';
import {
  BENCH_API_TOKEN,
  cpuSeconds,
  fmt,
  histogramQuantile,
  median,
  percentile,
  root,
  seedProbedIntegrations,
  spawnBenchMonitor,
  sql,
  startSandbox,
  stopBenchMonitor,
} from './lib.mjs';
import { localCertificates } from './local-ca.mjs';

const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'http,https,coordination,storage,reads').split(',');
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const INTERVAL_S = 30;
const HTTP_INTEGRATIONS = Number(process.env.BENCH_HTTP_INTEGRATIONS ?? 60_000);
const HTTPS_INTEGRATIONS = Number(process.env.BENCH_HTTPS_INTEGRATIONS ?? 30_000);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 45);
const MEASURE_S = Number(process.env.BENCH_MEASURE_S ?? 60);
const COORDINATION_S = Number(process.env.BENCH_COORDINATION_S ?? 15);
const COORDINATION_CHECKS = 400_000;
/** The disk the README promises an install of 30,000 integrations every 30 s stays within, at the defaults. */
const STORAGE_BUDGET_GB = 25;
const STORAGE_INTEGRATIONS = 30_000;
/** The share of checks failing all week that the budget allows for: each failure keeps its evidence. */
const FAILING_SHARE = 0.01;
const TARGET_ADDRESSES = Array.from({ length: 8 }, (_, i) => `127.0.0.${i + 2}`);
const READ_INTEGRATIONS = 1000;
const OVERVIEW_INTEGRATIONS = 10_000;
const READ_REQUESTS = 300;
const TOKEN = BENCH_API_TOKEN;

const require = createRequire(import.meta.url);
const workDir = await mkdtemp(join(tmpdir(), 'ihm-bench-scheduler-'));
const report = [];
const row = (measure, value, target = '') => report.push([measure, value, target]);
const runsOf = (values, unit = '', digits = 0) =>
  `${fmt(median(values), digits)}${unit}` +
  (values.length > 1 ? ` (${values.map((v) => fmt(v, digits)).join(', ')})` : '');

/** Prometheus histogram buckets and a few counters and gauges from a /metrics scrape. */
async function scrape(url) {
  const text = await (await fetch(`${url}/metrics`)).text();
  const buckets = [...text.matchAll(/^monitor_scheduler_lag_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)].map(
    ([, le, n]) => [le === '+Inf' ? Infinity : Number(le), Number(n)],
  );
  const value = (name) => Number(new RegExp(`^${name} (\\S+)`, 'm').exec(text)?.[1] ?? 0);
  return {
    buckets,
    written: value('monitor_results_written_total'),
    dropped: value('monitor_results_dropped_total'),
    inFlight: value('monitor_probes_in_flight'),
  };
}

/** The distinct warnings and errors the monitor logged in a run (a figure is read with them), on stderr. */
async function reportLoggedProblems(path, name) {
  const counts = new Map();
  for (const line of (await readFile(path, 'utf8').catch(() => '')).split('\n')) {
    const entry = (() => {
      try {
        return JSON.parse(line);
      } catch {
        return null;
      }
    })();
    if (entry?.level !== 'warn' && entry?.level !== 'error') continue;
    const key = `${entry.level}: ${String(entry.msg).replace(/\d+/g, 'N')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [message, count] of counts) console.error(`${name}: the monitor logged ${count} × ${message}`);
}

/** RSS (MiB) and open sockets of a process, from /proc. */
async function footprint(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const rssMiB = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0) / 1024;
  let sockets = 0;
  for (const fd of await readdir(`/proc/${pid}/fd`).catch(() => []))
    if ((await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '')).startsWith('socket:')) sockets += 1;
  return { rssMiB, sockets };
}

/** CPU seconds the whole box has been busy (all cores, every process), from /proc/stat. */
async function boxCpuSeconds() {
  const [, user, nice, system, , , irq, softirq, steal] = (await readFile('/proc/stat', 'utf8'))
    .split('\n')[0]
    .split(/\s+/);
  return [user, nice, system, irq, softirq, steal].reduce((sum, v) => sum + Number(v), 0) / 100;
}

/** The latency target in its own process; resolves with its HTTP and HTTPS origins. */
function startTarget(tls) {
  const child = spawn(process.execPath, [join(root, 'scripts/bench/latency-target.mjs')], {
    env: {
      ...process.env,
      TARGET_ADDRESSES: TARGET_ADDRESSES.join(','),
      TARGET_CERT: tls.cert,
      TARGET_KEY: tls.key,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      const ready = /READY (.+)/.exec(chunk.toString());
      if (ready) resolve({ ...JSON.parse(ready[1]), pid: child.pid, stop: () => child.kill() });
    });
    child.once('exit', (code) => reject(new Error(`the target exited with ${code}`)));
  });
}

/**
 * From the stored rows of [from, to): runs of a check closer than half an interval (run twice), intervals
 * without a run (skipped: a gap of two intervals is one), and checks with no run at all in the window.
 */
async function countRuns(url, from, to) {
  const [counts] = await sql(
    url,
    `WITH r AS (
       SELECT started_at - lag(started_at) OVER (PARTITION BY integration_id ORDER BY started_at) AS gap
       FROM probe_results WHERE started_at >= $1 AND started_at < $2)
     SELECT count(*) FILTER (WHERE gap < interval '${INTERVAL_S / 2} seconds')::int AS twice,
       coalesce(sum(greatest(0, round(extract(epoch FROM gap) / ${INTERVAL_S}) - 1)), 0)::int AS skipped,
       (SELECT count(*) FROM integrations i WHERE NOT EXISTS (
          SELECT 1 FROM probe_results p WHERE p.integration_id = i.id AND p.started_at >= $1 AND p.started_at < $2))::int
         AS never
     FROM r`,
    [from, to],
  );
  return counts;
}

/** One process on the defaults probing `integrations` every 30 s against `origins`; what it sustained. */
async function loadRun(admin, { name, integrations, origins, tls, target }) {
  const dbName = `ihm_bench_${name}`;
  await createDatabase(admin.url, dbName);
  const url = databaseUrl(admin.url, dbName);
  try {
    await applyMigrations(url);
    await seedProbedIntegrations(url, {
      targetUrl: origins,
      count: integrations,
      intervalSeconds: INTERVAL_S,
    });
    const port = await freePort();
    const api = `http://127.0.0.1:${port}`;
    const monitor = spawnBenchMonitor({
      dataDir: join(workDir, name),
      env: { DATABASE_URL: url, MONITOR_PORT: String(port), ...(tls ? { NODE_EXTRA_CA_CERTS: tls.ca } : {}) },
      unset: ['ROLE', 'PROBE_CONCURRENCY', 'PROBE_THREADS', 'SCHEDULER_LEASE_SECONDS', 'RESULT_BUFFER_LIMIT'],
    });
    await waitFor(`${api}/health`, 'the monitor');
    await sleep(WARMUP_S * 1000);
    const cpuNow = async () => ({
      monitor: await cpuSeconds(monitor.pid),
      target: await cpuSeconds(target.pid),
      box: await boxCpuSeconds(),
    });
    const before = { metrics: await scrape(api), cpu: await cpuNow(), at: performance.now() };
    const windowStart = new Date();
    const samples = [];
    // Every 15 s, as Prometheus commonly scrapes: a scrape of 60,000 integrations' series costs the monitor too.
    for (let t = 0; t < MEASURE_S; t += 15) {
      await sleep(15_000);
      samples.push({ ...(await footprint(monitor.pid)), inFlight: (await scrape(api)).inFlight });
    }
    const after = { metrics: await scrape(api), cpu: await cpuNow(), at: performance.now() };
    const windowEnd = new Date();
    await stopBenchMonitor(monitor);
    await reportLoggedProblems(join(workDir, `${name}.log`), name);
    const seconds = (after.at - before.at) / 1000;
    const [{ n: probed }] = await sql(
      url,
      'SELECT count(*)::int AS n FROM probe_results WHERE started_at >= $1 AND started_at < $2',
      [windowStart, windowEnd],
    );
    // Runs are counted over the window and the interval before it, so each check has at least one gap to judge.
    const runs = await countRuns(url, new Date(windowStart.getTime() - INTERVAL_S * 1000), windowEnd);
    return {
      rate: probed / seconds,
      lagP50: histogramQuantile(before.metrics, after.metrics, 0.5) * 1000,
      lagP99: histogramQuantile(before.metrics, after.metrics, 0.99) * 1000,
      cpuPercent: ((after.cpu.monitor - before.cpu.monitor) / seconds) * 100,
      cpuMsPerProbe: ((after.cpu.monitor - before.cpu.monitor) * 1000) / probed,
      targetPercent: ((after.cpu.target - before.cpu.target) / seconds) * 100,
      boxPercent: ((after.cpu.box - before.cpu.box) / seconds) * 100,
      rssMiB: Math.max(...samples.map((s) => s.rssMiB)),
      sockets: percentile(
        samples.map((s) => s.sockets),
        50,
      ),
      inFlight: percentile(
        samples.map((s) => s.inFlight),
        50,
      ),
      dropped: after.metrics.dropped,
      ...runs,
    };
  } finally {
    await dropDatabase(admin.url, dbName).catch(() => {});
  }
}

async function loadScenario(admin, target, tls, scenario) {
  const https = scenario === 'https';
  const integrations = https ? HTTPS_INTEGRATIONS : HTTP_INTEGRATIONS;
  const runs = [];
  for (let i = 0; i < RUNS; i += 1)
    runs.push(
      await loadRun(admin, {
        name: scenario,
        integrations,
        origins: target[scenario],
        tls: https ? tls : null,
        target,
      }),
    );
  const of = (key) => runs.map((r) => r[key]);
  const label = `${scenario.toUpperCase()}, ${fmt(integrations)} every ${INTERVAL_S} s`;
  const needed = integrations / INTERVAL_S;
  row(`${label}: probes/s`, runsOf(of('rate')), `≥ ${fmt(needed)} needed`);
  row(`${label}: scheduling lag p50`, runsOf(of('lagP50'), ' ms'));
  row(`${label}: scheduling lag p99`, runsOf(of('lagP99'), ' ms'), '< 1,000 ms');
  row(`${label}: monitor CPU (% of one core)`, runsOf(of('cpuPercent'), ' %'));
  row(`${label}: CPU per probe`, runsOf(of('cpuMsPerProbe'), ' ms', 2));
  row(
    `${label}: CPU (% of one core): monitor / target / the whole box (of ${availableParallelism() * 100} %: PostgreSQL and the rest)`,
    `${fmt(median(of('cpuPercent')))} / ${fmt(median(of('targetPercent')))} / ${fmt(median(of('boxPercent')))} %`,
  );
  row(
    `${label}: RSS (max) / open sockets / probes in flight (medians)`,
    `${fmt(median(of('rssMiB')))} MiB / ${fmt(median(of('sockets')))} / ${fmt(median(of('inFlight')))}`,
  );
  const sum = (key) => of(key).reduce((a, b) => a + b, 0);
  row(
    `${label}: run twice / skipped / never run / results dropped (all runs)`,
    `${sum('twice')} / ${sum('skipped')} / ${sum('never')} / ${sum('dropped')}`,
    '0 / 0 / 0 / 0',
  );
}

/** Worker processes that claim and complete no-op checks as fast as the lease queue lets them. */
async function coordinationScenario(admin) {
  const dbName = 'ihm_bench_coordination';
  await createDatabase(admin.url, dbName);
  const url = databaseUrl(admin.url, dbName);
  try {
    await applyMigrations(url);
    await seedProbedIntegrations(url, {
      targetUrl: 'http://127.0.0.2:9',
      count: COORDINATION_CHECKS,
      intervalSeconds: INTERVAL_S,
    });
    for (const workers of [1, 2, 4]) {
      // Everything due, nobody's, no results yet: the queue never runs dry within the run.
      await sql(
        url,
        `UPDATE check_schedules SET next_due_at = now() - interval '1 minute', lease_owner = NULL, lease_expires_at = NULL`,
      );
      await sql(
        url,
        'TRUNCATE probe_results, integration_statuses, integration_counters, result_rollups_minute, result_rollups_hour, scheduler_workers',
      );
      await sql(url, 'VACUUM ANALYZE');
      const outcomes = await Promise.all(
        Array.from({ length: workers }, () => {
          const child = spawn(process.execPath, [join(root, 'scripts/bench/lease-worker.mjs')], {
            env: { ...process.env, DATABASE_URL: url, BENCH_SECONDS: String(COORDINATION_S) },
            stdio: ['ignore', 'pipe', 'inherit'],
          });
          let out = '';
          child.stdout.on('data', (chunk) => (out += chunk));
          return new Promise((resolve, reject) =>
            child.once('exit', (code) => {
              const done = /DONE (.+)/.exec(out);
              if (code === 0 && done) resolve(JSON.parse(done[1]));
              else reject(new Error(`a lease worker exited with ${code}`));
            }),
          );
        }),
      );
      const claimed = outcomes.reduce((n, o) => n + o.claimed, 0) / COORDINATION_S;
      const written = outcomes.reduce((n, o) => n + o.written, 0) / COORDINATION_S;
      const [{ twice }] = await sql(
        url,
        `SELECT count(*)::int AS twice FROM (SELECT integration_id FROM probe_results GROUP BY 1 HAVING count(*) > 1) d`,
      );
      row(
        `lease queue, ${workers} worker process${workers > 1 ? 'es' : ''}: claims/s, results written/s (checks run twice)`,
        `${fmt(claimed)} / ${fmt(written)} (${twice})`,
      );
      row(
        `  integrations at ${INTERVAL_S} s that one database can coordinate (${workers} worker${workers > 1 ? 's' : ''})`,
        fmt(Math.min(claimed, written) * INTERVAL_S),
      );
    }
  } finally {
    await dropDatabase(admin.url, dbName).catch(() => {});
  }
}

/** Bytes per stored row, from a short real run: raw results by status (indexes and TOAST shared out), rollups. */
async function storageScenario(admin, target) {
  const dbName = 'ihm_bench_storage';
  await createDatabase(admin.url, dbName);
  const url = databaseUrl(admin.url, dbName);
  try {
    await applyMigrations(url);
    await seedProbedIntegrations(url, {
      targetUrl: target.http,
      count: 1000,
      intervalSeconds: 10,
      path: `'/ok/' || n`,
    });
    await seedProbedIntegrations(url, {
      targetUrl: target.http,
      count: 1000,
      intervalSeconds: 10,
      name: `'failing ' || n`,
      path: `'/fail/' || n`,
    });
    const port = await freePort();
    const monitor = spawnBenchMonitor({
      dataDir: join(workDir, 'storage'),
      env: { DATABASE_URL: url, MONITOR_PORT: String(port) },
      unset: ['ROLE', 'PROBE_CONCURRENCY'],
    });
    await waitFor(`http://127.0.0.1:${port}/health`, 'the monitor');
    await sleep(70_000);
    await stopBenchMonitor(monitor);
    await sql(url, 'VACUUM ANALYZE');
    const [raw] = await sql(
      url,
      `WITH parts AS (SELECT c.oid FROM pg_inherits h JOIN pg_class c ON c.oid = h.inhrelid
                      JOIN pg_class p ON p.oid = h.inhparent WHERE p.relname = 'probe_results')
       SELECT (SELECT sum(pg_total_relation_size(oid)) FROM parts)::float8 AS total,
         (SELECT sum(pg_column_size(r.*)) FROM probe_results r)::float8 AS tuples,
         (SELECT avg(pg_column_size(r.*)) FROM probe_results r WHERE status = 'up')::float8 AS up,
         (SELECT avg(pg_column_size(r.*)) FROM probe_results r WHERE status = 'down')::float8 AS down,
         (SELECT count(*) FROM probe_results WHERE status = 'up')::int AS ups,
         (SELECT count(*) FROM probe_results WHERE status = 'down')::int AS downs`,
    );
    const perRow = async (table) => {
      const [r] = await sql(
        url,
        `SELECT pg_total_relation_size('${table}')::float8 / greatest(1, (SELECT count(*) FROM ${table}))::float8 AS bytes`,
      );
      return r.bytes;
    };
    // Each row's own bytes, scaled by what pages, indexes and TOAST add to the partitions as a whole.
    const overhead = raw.total / raw.tuples;
    return {
      success: raw.up * overhead,
      failure: raw.down * overhead,
      minuteRollup: await perRow('result_rollups_minute'),
      hourRollup: await perRow('result_rollups_hour'),
      sample: `${fmt(raw.ups)} successes and ${fmt(raw.downs)} failures`,
    };
  } finally {
    await dropDatabase(admin.url, dbName).catch(() => {});
  }
}

/**
 * The disk an install of 30,000 integrations every 30 s holds at the default retention (read from the built
 * monitor, so the figure follows its defaults), from the bytes per row measured above: passed results for the
 * success retention (twice over, plus an hour: today's partition and yesterday's until it is rewritten), kept
 * results (failures, at FAILING_SHARE of the checks, and changes of status) for the full retention, and the rollups
 * as retention and merging leave them.
 */
function reportStorage(bytes) {
  const { parseEnv } = require(join(root, 'apps/monitor/dist/config/env.schema.js'));
  const { MINUTE_ROLLUP_RETENTION_MS, ROLLUP_COMPACTIONS } = require(
    join(root, 'apps/monitor/dist/results/retention-plan.js'),
  );
  const defaults = parseEnv({});
  const perSecond = STORAGE_INTEGRATIONS / INTERVAL_S;
  const perDay = perSecond * 86_400;
  const rowsPer = (table, keptMs) => {
    const { olderThanMs, bucketSeconds } = ROLLUP_COMPACTIONS.find((c) => c.table === table);
    const fineSeconds = table === 'minute' ? 60 : 3600;
    return olderThanMs / 1000 / fineSeconds + Math.max(0, keptMs - olderThanMs) / 1000 / bucketSeconds;
  };
  const GB = 1e9;
  const parts = [
    [
      `passed results (${defaults.successResultsRetentionHours} h)`,
      2 * (defaults.successResultsRetentionHours + 1) * 3600 * perSecond * bytes.success,
    ],
    [
      `kept results (${defaults.resultsRetentionDays} d, ${FAILING_SHARE * 100} % of checks failing)`,
      perDay * FAILING_SHARE * defaults.resultsRetentionDays * bytes.failure,
    ],
    [
      'minute rollups (25 h, merged to 15 min after 2 h)',
      STORAGE_INTEGRATIONS * rowsPer('minute', MINUTE_ROLLUP_RETENTION_MS) * bytes.minuteRollup,
    ],
    [
      `hour rollups (${defaults.rollupRetentionDays} d, merged to 6 h after 8 d)`,
      STORAGE_INTEGRATIONS * rowsPer('hour', defaults.rollupRetentionDays * 86_400_000) * bytes.hourRollup,
    ],
  ];
  const total = parts.reduce((sum, [, b]) => sum + b, 0);
  row(
    `bytes per stored result: passed / failed (${bytes.sample})`,
    `${fmt(bytes.success)} / ${fmt(bytes.failure)} B`,
  );
  row('bytes per rollup row: minute / hour', `${fmt(bytes.minuteRollup)} / ${fmt(bytes.hourRollup)} B`);
  row(
    `results a day at ${fmt(STORAGE_INTEGRATIONS)} every ${INTERVAL_S} s, were all kept`,
    `${fmt((perDay * bytes.success) / GB, 1)} GB`,
  );
  for (const [label, b] of parts) row(`  disk: ${label}`, `${fmt(b / GB, 1)} GB`);
  row(
    `disk at ${fmt(STORAGE_INTEGRATIONS)} every ${INTERVAL_S} s, default retention (steady state)`,
    `${fmt(total / GB, 1)} GB`,
    `< ${STORAGE_BUDGET_GB} GB`,
  );
}

/** Reads over 30 days of rollups for 1,000 integrations, then the overview's first page with 10,000. */
async function readsScenario(admin) {
  const sandbox = await startSandbox();
  const readDb = databaseUrl(admin.url, 'ihm_bench_reads');
  const stop = stopBenchMonitor;
  const waitHealthy = (url) => waitFor(`${url}/health`, 'the monitor');
  const startMonitor = (env) =>
    spawnBenchMonitor({ dataDir: join(workDir, 'reads'), env, unset: ['PROBE_CONCURRENCY'] });
  try {
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
    return `reads over ${fmt(hours)} hour and ${fmt(minutes)} minute rollups (loaded in ${fmt(loadSeconds)} s), then ${fmt(OVERVIEW_INTEGRATIONS)} integrations with an hour of minute rollups; ${READ_REQUESTS} sequential requests each`;
  } finally {
    sandbox.stop();
    await dropDatabase(admin.url, 'ihm_bench_reads').catch(() => {});
  }
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
const tls = localCertificates(workDir, TARGET_ADDRESSES);
const target = await startTarget(tls);
const notes = [];
try {
  for (const scenario of ['http', 'https'])
    if (SCENARIOS.includes(scenario)) await loadScenario(admin, target, tls, scenario);
  if (SCENARIOS.includes('coordination')) await coordinationScenario(admin);
  if (SCENARIOS.includes('storage')) reportStorage(await storageScenario(admin, target));
  if (SCENARIOS.includes('reads')) notes.push(await readsScenario(admin));
  console.log(
    `bench:scheduler — ${admin.label}; one monitor process on its defaults; load runs: ${WARMUP_S} s warm-up, ` +
      `${MEASURE_S} s measured, ${RUNS} run(s) each (median, then each run); target: median 200 ms, ` +
      `${TARGET_ADDRESSES.length} loopback addresses${notes.length ? `; ${notes.join('; ')}` : ''}`,
  );
  console.log('');
  console.log('| measure | value | target |');
  console.log('| --- | --- | --- |');
  for (const [measure, value, goal] of report) console.log(`| ${measure} | ${value} | ${goal} |`);
} finally {
  target.stop();
  await admin.stop();
  await rm(workDir, { recursive: true, force: true });
}
