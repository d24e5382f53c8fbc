// npm run bench:metrics — the cost of a Prometheus scrape of GET /metrics (every integration's series, read from
// Postgres on each scrape) at 1,000, 10,000 and 30,000 integrations, and what scraping does to probing. Against a
// real PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, else an embedded server) and a loopback target in its
// own process. Per size, a fresh database and monitor (ROLE=all, the defaults, METRICS_TOKEN set):
//   - integrations inserted by SQL, spread over one interval (60 s), all probed for real against the target:
//     4 in 10 answer with rate-limit headers; counters seeded as after some history (probes for all, failures by
//     category for 2 in 10), so the exposition has the series a real fleet has;
//   - warm-up until integration_statuses has a row for every integration (about one interval); three scrapes
//     size the windows: long enough for BENCH_SCRAPES (50) scrapes at the pace, within BENCH_WINDOW_MIN_S (30 s)
//     and BENCH_WINDOW_MAX_S (120 s);
//   - three windows as long: without scrapes (a scrape at each end), with a scrape starting every
//     BENCH_SCRAPE_EVERY_MS (1000: a Prometheus scrapes once per scrape_interval, 15–60 s, so this is 15–60 of
//     them), then with sequential scrapes back to back (a stress, worse than any Prometheus). For each: time to
//     the last byte p50/p95, probes started per second (probe_results.started_at), scheduler lag p50/p99 (the
//     monitor's histogram) and monitor CPU; bytes and series of a scrape. The goal is judged on the paced window.
// Scrapes ask for gzip, as Prometheus does (BENCH_ENCODING=identity asks for plain text).
// BENCH_SIZES (default 1000,10000,30000), BENCH_INTERVAL_S (60) and BENCH_INTERVALS (per size, "30000:120") set the
// load; BENCH_ROUNDS (default 1) repeats it and the table shows the median (each run).
import { applyMigrations } from '@ihm/db';
import { createDatabase, databaseUrl, dropDatabase } from '@ihm/db/testing';
import { spawn } from 'node:child_process';
import { get } from 'node:http';
import { createGunzip } from 'node:zlib';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminDatabase, freePort, sleep, waitFor } from '../lib/stack.mjs';
import {
  cpuSeconds,
  fmt,
  histogramQuantile,
  median,
  percentile,
  schedulerLagOf,
  seedProbedIntegrations,
  spawnBenchMonitor,
  sql,
  stopBenchMonitor,
} from './lib.mjs';

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,30000').split(',').map(Number);
const INTERVAL_S = Number(process.env.BENCH_INTERVAL_S ?? 60);
const INTERVALS = new Map(
  (process.env.BENCH_INTERVALS ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split(':').map(Number)),
);
const SCRAPES = Number(process.env.BENCH_SCRAPES ?? 50);
const PACE_MS = Number(process.env.BENCH_SCRAPE_EVERY_MS ?? 1000);
const WINDOW_MIN_S = Number(process.env.BENCH_WINDOW_MIN_S ?? 30);
const WINDOW_MAX_S = Number(process.env.BENCH_WINDOW_MAX_S ?? 120);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const GOAL_SIZE = 10_000;
const GOAL_P95_MS = 200;
const METRICS_TOKEN = 'bench-metrics-token-0123456789';
const DB = 'ihm_bench_metrics';

// The target: 200 for every path, /rl/* with a rate-limit budget (GitHub's headers). Its own process.
const TARGET_SOURCE = `
const { createServer } = require('node:http');
const server = createServer((req, res) => {
  const headers = { 'content-type': 'application/json' };
  if (req.url.startsWith('/rl/')) {
    headers['x-ratelimit-limit'] = '5000';
    headers['x-ratelimit-remaining'] = String(1000 + Math.floor(Math.random() * 4000));
    headers['x-ratelimit-reset'] = String(Math.floor(Date.now() / 1000) + 3600);
  }
  res.writeHead(200, headers);
  res.end('{"ok":true}');
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
`;

async function startTarget() {
  const child = spawn(process.execPath, ['-e', TARGET_SOURCE], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`target exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

const startMonitor = (env, dataDir) =>
  spawnBenchMonitor({
    dataDir,
    env: { METRICS_TOKEN, ...env },
    unset: ['ROLE', 'PROBE_CONCURRENCY', 'METRICS_TOKEN'],
  });

const stopMonitor = stopBenchMonitor;

const rssMiB = async (pid) =>
  Number(/^VmRSS:\s+(\d+)/m.exec(await readFile(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

/** How the bench asks for /metrics: gzip, as Prometheus does by default (BENCH_ENCODING=identity for plain). */
const ENCODING = process.env.BENCH_ENCODING ?? 'gzip';

/**
 * Decoded as it arrives, in 1 MiB pieces, as a scraper's gzip reader does: Node's default 16 KiB pieces would hand
 * about 1,300 of them back and forth between the thread pool and this event loop at 10,000 integrations, which cost
 * this client about 50 ms a scrape that no Prometheus pays (its Go reader decodes in the same goroutine).
 */
const DECODE_CHUNK_BYTES = 1 << 20;

/**
 * One scrape with the token, text format (no OpenMetrics Accept), as Prometheus makes it: time to the last
 * decoded byte, bytes decoded and on the wire.
 */
async function scrape(base) {
  const started = performance.now();
  const { status, wireBytes, body } = await new Promise((resolve, reject) => {
    get(
      `${base}/metrics`,
      { headers: { authorization: `Bearer ${METRICS_TOKEN}`, 'accept-encoding': ENCODING } },
      (res) => {
        let wire = 0;
        res.on('data', (chunk) => (wire += chunk.length));
        res.on('error', reject);
        const decoded =
          res.headers['content-encoding'] === 'gzip'
            ? res.pipe(createGunzip({ chunkSize: DECODE_CHUNK_BYTES }))
            : res;
        const chunks = [];
        decoded.on('data', (chunk) => chunks.push(chunk));
        decoded.on('end', () =>
          resolve({ status: res.statusCode, wireBytes: wire, body: Buffer.concat(chunks) }),
        );
        decoded.on('error', reject);
      },
    ).on('error', reject);
  });
  const ms = performance.now() - started;
  if (status !== 200) throw new Error(`/metrics answered ${status}: ${body.toString().slice(0, 200)}`);
  return { ms, bytes: body.length, wireBytes, body, at: new Date() };
}

/** Series in an exposition: all of them and the per-integration ones. */
function countSeries(text) {
  let all = 0;
  let integration = 0;
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end > start && text[start] !== '#') {
      all += 1;
      if (text.startsWith('integration_', start)) integration += 1;
    }
    start = end + 1;
  }
  return { all, integration };
}

const log = (line) => process.stderr.write(`[bench:metrics] ${line}\n`);

async function runSize(admin, size) {
  const interval = INTERVALS.get(size) ?? INTERVAL_S;
  const url = databaseUrl(admin.url, DB);
  const dataDir = await mkdtemp(join(tmpdir(), 'ihm-bench-metrics-'));
  const target = await startTarget();
  let monitor;
  try {
    await createDatabase(admin.url, DB);
    await applyMigrations(url);
    await seedProbedIntegrations(url, {
      targetUrl: target.url,
      count: size,
      intervalSeconds: interval,
      name: `'bench integration ' || lpad(n::text, 5, '0')`,
      path: `CASE WHEN n % 10 < 4 THEN '/rl/' ELSE '/ok/' END || n`,
    });
    // Counters as after some history: every integration has probes, 2 in 10 failures in one to three categories.
    await sql(
      url,
      `WITH i AS (SELECT id, row_number() OVER (ORDER BY name) AS n FROM integrations)
       INSERT INTO integration_counters (integration_id, name, count)
       SELECT id, 'probes', 1000 + n % 5000 FROM i
       UNION ALL SELECT id, 'failures:server_error', 1 + n % 50 FROM i WHERE n % 5 = 0
       UNION ALL SELECT id, 'failures:network_timeout', 1 + n % 7 FROM i WHERE n % 10 = 0
       UNION ALL SELECT id, 'failures:rate_limiting', 1 + n % 3 FROM i WHERE n % 20 = 0`,
    );
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    monitor = startMonitor({ DATABASE_URL: url, MONITOR_PORT: String(port) }, dataDir);
    await waitFor(`${base}/health`, 'the monitor');
    const unauthenticated = (await fetch(`${base}/metrics`)).status;
    if (unauthenticated !== 401) throw new Error(`/metrics without the token answered ${unauthenticated}`);

    // Warm-up: every integration has its latest status (its first probe falls within one interval).
    const warmStarted = performance.now();
    let statuses = 0;
    for (const deadline = Date.now() + (2 * interval + 60) * 1000; Date.now() < deadline; await sleep(2000)) {
      [{ statuses }] = await sql(url, 'SELECT count(*)::int AS statuses FROM integration_statuses');
      if (statuses >= size) break;
    }
    log(
      `${fmt(size)}: ${fmt(statuses)} statuses after ${fmt((performance.now() - warmStarted) / 1000)} s of warm-up`,
    );
    // A few scrapes to size the windows (SCRAPES of them, within the bounds), then time for their backlog.
    const pilot = [];
    for (let i = 0; i < 3; i += 1) pilot.push((await scrape(base)).ms);
    const windowS = Math.min(
      WINDOW_MAX_S,
      Math.max(WINDOW_MIN_S, (SCRAPES * Math.max(PACE_MS, median(pilot))) / 1000),
    );
    await sleep(15_000);

    // Three windows as long, one after the other: without scrapes (a scrape at each end), with a scrape every
    // PACE_MS (what Prometheus does, many times over), and with scrapes back to back (a stress, worse than any
    // Prometheus). The first window comes first so no backlog of scrapes spills into it.
    const mark = async ({ at, body }) => ({
      at,
      lag: schedulerLagOf(body.toString()),
      cpu: await cpuSeconds(monitor.pid),
    });
    const window = async (paceMs) => {
      const scrapes = [await scrape(base)];
      const start = await mark(scrapes[0]);
      while ((Date.now() - start.at) / 1000 < windowS) {
        if (paceMs === null) await sleep(windowS * 1000 - (Date.now() - start.at));
        else if (paceMs > 0) await sleep(Math.max(0, paceMs - scrapes.at(-1).ms)); // one starts every paceMs
        scrapes.push(await scrape(base));
      }
      const end = await mark(scrapes.at(-1));
      const seconds = (end.at - start.at) / 1000;
      return {
        // The window's own scrapes, not its boundaries: none without scrapes.
        times: paceMs === null ? [] : scrapes.map((s) => s.ms),
        bytes: median(scrapes.map((s) => s.bytes)),
        wireBytes: median(scrapes.map((s) => s.wireBytes)),
        last: scrapes.at(-1),
        seconds,
        from: start.at,
        to: end.at,
        lagP99: histogramQuantile(start.lag, end.lag, 0.99) * 1000,
        lagP50: histogramQuantile(start.lag, end.lag, 0.5) * 1000,
        cpu: ((end.cpu - start.cpu) / seconds) * 100,
      };
    };
    log(
      `${fmt(size)}: ${fmt(windowS)} s each without scrapes, with one every ${fmt(PACE_MS)} ms, back to back`,
    );
    const quiet = await window(null);
    const paced = await window(PACE_MS);
    const rssBefore = await rssMiB(monitor.pid);
    const stress = await window(0);
    const rssAfter = await rssMiB(monitor.pid);
    log(`${fmt(size)}: ${paced.times.length} paced and ${stress.times.length} back-to-back scrapes`);
    await stopMonitor(monitor); // its buffered results are written on the way out
    const started = async ({ from, to }) => {
      const [{ n }] = await sql(
        url,
        'SELECT count(*)::int AS n FROM probe_results WHERE started_at >= $1 AND started_at < $2',
        [from, to],
      );
      return n / ((to - from) / 1000);
    };
    const series = countSeries(stress.last.body.toString());
    const figures = async (w) => ({
      p50: percentile(w.times, 50),
      p95: percentile(w.times, 95),
      scrapes: w.times.length,
      probes: await started(w),
      lagP99: w.lagP99,
      lagP50: w.lagP50,
      cpu: w.cpu,
    });
    return {
      size,
      interval,
      statuses,
      seconds: windowS,
      bytes: stress.bytes,
      wireBytes: stress.wireBytes,
      series: series.all,
      integrationSeries: series.integration,
      quiet: await figures(quiet),
      paced: await figures(paced),
      stress: await figures(stress),
      rssBefore,
      rssAfter,
    };
  } finally {
    if (monitor) await stopMonitor(monitor);
    target.stop();
    await dropDatabase(admin.url, DB).catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  }
}

const admin = await adminDatabase(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
const runs = new Map(SIZES.map((size) => [size, []]));
try {
  for (let round = 1; round <= ROUNDS; round += 1)
    for (const size of SIZES) {
      log(`round ${round}/${ROUNDS}, ${fmt(size)} integrations`);
      runs.get(size).push(await runSize(admin, size));
    }
} finally {
  await admin.stop();
}

// Each run's value, then the median when there are several.
const show = (values, format) => {
  // Not map(format): fmt's second argument is its decimals, and map would pass the index.
  const shown = values.map((value) => format(value)).join(', ');
  return values.length > 1 ? `${format(median(values))} (${shown})` : shown;
};
const ms = (n) => `${fmt(n, n < 100 ? 1 : 0)} ms`;
const mb = (n) => (n >= 1024 * 1024 ? `${fmt(n / 1024 / 1024, 1)} MiB` : `${fmt(n / 1024)} KiB`);
const perS = (n) => fmt(n);
const pct = (n) => `${fmt(n)} %`;

console.log(
  `bench:metrics — GET /metrics with METRICS_TOKEN, in three windows as long (room for ${SCRAPES} scrapes, ` +
    `${WINDOW_MIN_S}–${WINDOW_MAX_S} s), Accept-Encoding: ${ENCODING}: without scrapes, with a scrape every ${fmt(PACE_MS)} ms (Prometheus ` +
    `scrapes once per scrape_interval, 15–60 s), then back to back (a stress: worse than any Prometheus); ROLE=all ` +
    `with the defaults; integrations probed for real against a loopback target (4 in 10 with rate-limit headers), ` +
    `counters seeded (2 in 10 with failures); ${admin.label}; per size a fresh database and monitor; ` +
    `${ROUNDS} round(s)` +
    (ROUNDS > 1 ? ', median (runs)' : ''),
);
console.log('');
console.log(
  '| integrations (interval) | bytes (on the wire) | series (integration_*) | scrape p50 / p95, paced | scrape p50 / p95, ' +
    'back to back | probes/s needed | probes/s without / paced / back to back | lag p99 without / paced / ' +
    'back to back | monitor CPU without / paced / back to back | monitor RSS before / after back to back | ceiling |',
);
console.log(`|${' --- |'.repeat(11)}`);
for (const [size, list] of runs) {
  const of = (path) => list.map((r) => path.split('.').reduce((value, key) => value[key], r));
  const each = (key, format) =>
    ['quiet', 'paced', 'stress'].map((w) => show(of(`${w}.${key}`), format)).join(' / ');
  const scrapes = (w) =>
    `${show(of(`${w}.p50`), ms)} / ${show(of(`${w}.p95`), ms)} (${show(of(`${w}.scrapes`), fmt)} scrapes)`;
  const interval = list[0].interval;
  const p95 = median(of('paced.p95'));
  const kept = median(of('paced.probes')) / median(of('quiet.probes'));
  const probing = `probing while paced: ${fmt(kept * 100)} % of without`;
  const ceiling =
    size === GOAL_SIZE
      ? `paced p95 < ${GOAL_P95_MS} ms: ${p95 < GOAL_P95_MS ? 'met' : 'missed'}; ${probing}`
      : probing;
  const warm = list.every((r) => r.statuses >= size)
    ? ''
    : ` (statuses: ${of('statuses')
        .map((n) => fmt(n))
        .join(', ')})`;
  console.log(
    `| ${fmt(size)} (${interval} s)${warm} | ${show(of('bytes'), mb)} (${show(of('wireBytes'), mb)}) | ` +
      `${show(of('series'), fmt)} (${show(of('integrationSeries'), fmt)}) | ${scrapes('paced')} | ` +
      `${scrapes('stress')} | ${fmt(size / interval)} | ${each('probes', perS)} | ${each('lagP99', ms)} | ` +
      `${each('cpu', pct)} | ${show(of('rssBefore'), (n) => `${fmt(n)} MiB`)} / ` +
      `${show(of('rssAfter'), (n) => `${fmt(n)} MiB`)} | ${ceiling} |`,
  );
}
