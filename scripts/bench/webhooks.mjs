// npm run bench:webhooks — the webhook receiver under load on this machine, against a real PostgreSQL
// (BENCH_DATABASE_URL or TEST_DATABASE_URL, else an embedded server): the monitor with its defaults (ROLE=all),
// probing BENCH_HTTP_INTEGRATIONS (2,000) http integrations every 60 s against a loopback target in its own
// process, and BENCH_RECEIVERS (20) GitHub-signed webhook integrations receiving BENCH_RATE (2,000) deliveries/s
// for BENCH_SECONDS (60), after BENCH_DELIVERY_WARMUP_S (5) at the same rate, from a load generator in another
// process (webhook-load.mjs), open loop. The warm-up's latencies (a cold receiver: connections opening, settings
// not cached yet, code not compiled) are shown apart.
// Per run: answer latency p50/p99, answers by status, deliveries recorded (every 202 must be a stored result),
// and the probing rate in a window without deliveries beside the one with them. BENCH_ROUNDS (default 3) runs,
// each on a fresh database and monitor; the table shows the median and each run.
import { applyMigrations } from '@ihm/db';
import { createDatabase, databaseUrl, dropDatabase } from '@ihm/db/testing';
import { fork, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { adminDatabase, freePort, root, sleep, waitFor } from '../lib/stack.mjs';
import {
  benchApi,
  cpuSeconds,
  fmt,
  median,
  percentile,
  seedProbedIntegrations,
  spawnBenchMonitor,
  sql,
  stopBenchMonitor,
} from './lib.mjs';

const HTTP_INTEGRATIONS = Number(process.env.BENCH_HTTP_INTEGRATIONS ?? 2_000);
const INTERVAL_S = 60;
const RECEIVERS = Number(process.env.BENCH_RECEIVERS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 2_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 60);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 64);
const DELIVERY_WARMUP_S = Number(process.env.BENCH_DELIVERY_WARMUP_S ?? 5);
const WARMUP_S = 20;
const BASELINE_S = 30;
const CEILING_P99_MS = 50;
const DB = 'ihm_bench_webhooks';
const SECRET = 'bench-github-webhook-secret';

const log = (line) => process.stderr.write(`[bench:webhooks] ${line}\n`);

const TARGET_SOURCE = `
const { createServer } = require('node:http');
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('disconnect', () => process.exit(0));
`;

async function startTarget() {
  const child = spawn(process.execPath, ['-e', TARGET_SOURCE], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

const api = benchApi;

function load(options) {
  const child = fork(join(root, 'scripts/bench/webhook-load.mjs'), [JSON.stringify(options)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    // After its report, an exit changes nothing; before it, any exit is a failure.
    child.once('exit', (code) => reject(new Error(`load generator exited with ${code} before reporting`)));
  });
}

const probesSince = async (url, since) =>
  (
    await sql(
      url,
      `SELECT count(*)::int AS n FROM probe_results r JOIN integrations i ON i.id = r.integration_id
       WHERE i.kind = 'http' AND r.started_at >= $1`,
      [since],
    )
  )[0].n;

async function run(admin) {
  const url = databaseUrl(admin.url, DB);
  const dataDir = await mkdtemp(join(tmpdir(), 'ihm-bench-webhooks-'));
  const target = await startTarget();
  let monitor;
  try {
    await createDatabase(admin.url, DB);
    await applyMigrations(url);
    await seedProbedIntegrations(url, {
      targetUrl: target.url,
      count: HTTP_INTEGRATIONS,
      intervalSeconds: INTERVAL_S,
    });
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    monitor = spawnBenchMonitor({
      dataDir,
      env: { DATABASE_URL: url, MONITOR_PORT: String(port) },
      unset: [
        'ROLE',
        'PROBE_CONCURRENCY',
        'WEBHOOK_RATE_LIMIT',
        'WEBHOOK_MAX_BODY_BYTES',
        'WEBHOOK_BASE_URL',
      ],
    });
    await waitFor(`${base}/health`, 'the monitor');
    const receivers = [];
    for (let n = 1; n <= RECEIVERS; n += 1) {
      const hook = await api(base, 'POST', '/api/integrations', {
        kind: 'webhook',
        name: `bench hook ${n}`,
        webhook: { scheme: 'github', secret: SECRET, maxSilenceSeconds: 3600 },
      });
      receivers.push(new URL(hook.receiverUrl).pathname);
    }
    await sleep(WARMUP_S * 1000);

    const baselineFrom = new Date();
    await sleep(BASELINE_S * 1000);
    const baseline = (await probesSince(url, baselineFrom)) / BASELINE_S;

    log(`${fmt(RATE)} deliveries/s for ${SECONDS} s to ${RECEIVERS} receivers`);
    const loadFrom = new Date();
    const cpuBefore = await cpuSeconds(monitor.pid);
    const startedAt = performance.now();
    const result = await load({
      base,
      receivers,
      secret: SECRET,
      rate: RATE,
      seconds: SECONDS,
      warmupSeconds: DELIVERY_WARMUP_S,
      connections: CONNECTIONS,
    });
    const loadSeconds = (performance.now() - startedAt) / 1000;
    const cpu = ((await cpuSeconds(monitor.pid)) - cpuBefore) / loadSeconds;
    const probing = (await probesSince(url, loadFrom)) / loadSeconds;

    const accepted = result.statuses[202] ?? 0;
    const countRecorded = async () =>
      (
        await sql(
          url,
          `SELECT count(*)::int AS n FROM probe_results r JOIN integrations i ON i.id = r.integration_id
           WHERE i.kind = 'webhook' AND r.status = 'up'`,
        )
      )[0].n;
    let recorded = await countRecorded();
    for (let end = Date.now() + 30_000; recorded < accepted && Date.now() < end; await sleep(500))
      recorded = await countRecorded();
    return {
      sent: result.measured,
      rate: result.measured / result.sentFor,
      warmupP99: result.warmupLatencies.length ? percentile(result.warmupLatencies, 99) : NaN,
      p50: percentile(result.latencies, 50),
      p99: percentile(result.latencies, 99),
      max: Math.max(...result.latencies),
      statuses: result.statuses,
      errors: result.errors,
      accepted,
      recorded,
      baseline,
      probing,
      needed: HTTP_INTEGRATIONS / INTERVAL_S,
      cpu: cpu * 100,
    };
  } finally {
    if (monitor) await stopBenchMonitor(monitor);
    target.stop();
    await dropDatabase(admin.url, DB).catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  }
}

const admin = await adminDatabase(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
const runs = [];
try {
  for (let round = 1; round <= ROUNDS; round += 1) {
    log(`round ${round}/${ROUNDS}`);
    runs.push(await run(admin));
  }
} finally {
  await admin.stop();
}

const cell = (pick, digits = 0, unit = '') => {
  const values = runs.map(pick);
  const each = values.map((v) => `${fmt(v, digits)}${unit}`).join(', ');
  return runs.length > 1 ? `${fmt(median(values), digits)}${unit} (${each})` : each;
};
const lost = runs.map((r) => r.accepted - r.recorded);
const p99 = median(runs.map((r) => r.p99));
console.log(
  `bench:webhooks — ${fmt(RATE)} GitHub-signed deliveries/s for ${SECONDS} s to ${RECEIVERS} webhook integrations ` +
    `after ${DELIVERY_WARMUP_S} s of warm-up at the same rate (load generator in its own process, ${CONNECTIONS} keep-alive connections, open loop), while the monitor ` +
    `(ROLE=all, defaults) probes ${fmt(HTTP_INTEGRATIONS)} http integrations every ${INTERVAL_S} s; ` +
    `${runs.length} run(s), median (each run)\n`,
);
console.log(
  '| deliveries measured (rate) | answers (warm-up included) | answer p50 / p99 (max) | warm-up p99 | recorded / accepted | probes/s without / during (needed) | monitor CPU during | ceiling |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
const statuses = runs
  .map(
    (r) =>
      Object.entries(r.statuses)
        .map(([s, n]) => `${s}: ${fmt(n)}`)
        .join(', ') + (r.errors ? `, errors: ${r.errors}` : ''),
  )
  .join(' / ');
console.log(
  `| ${cell((r) => r.sent)} (${cell((r) => r.rate)}/s) | ${statuses} | ${cell((r) => r.p50, 1, ' ms')} / ${cell((r) => r.p99, 1, ' ms')} (${cell((r) => r.max, 0, ' ms')}) | ${cell((r) => r.warmupP99, 0, ' ms')} | ` +
    `${cell((r) => r.recorded)} / ${cell((r) => r.accepted)} | ${cell((r) => r.baseline, 1)} / ${cell((r) => r.probing, 1)} (${fmt(HTTP_INTEGRATIONS / INTERVAL_S, 1)}) | ${cell((r) => r.cpu, 0, ' %')} | ` +
    `p99 < ${CEILING_P99_MS} ms: ${p99 < CEILING_P99_MS ? 'met' : '**missed**'}; nothing lost: ${lost.every((n) => n === 0) ? 'met' : `**missed** (${lost.join(', ')})`} |`,
);
