// npm run bench:alerts — alerting at scale on this machine, against a real PostgreSQL (BENCH_DATABASE_URL or
// TEST_DATABASE_URL, else an embedded server), a loopback target in its own process and a real signed receiver:
// 10,000 integrations every 60 s (167 probes/s), the default rule (3 consecutive failures) sending to one webhook
// channel with the default group wait and send timeout, in three phases, each on a fresh database and monitor:
//   a. no failures (the baseline of scheduler lag and CPU);
//   b. 2,000 of the integrations start answering 500 at once (T), the receiver answers 204: per alert, the time
//      from the start of the probe that fired it (the alert's firedAt) to its arrival at the receiver, the
//      messages (grouped) and integrations that arrived, scheduler lag beside (a);
//   c. the same failure with a receiver that takes every request and never answers (each attempt ends at
//      ALERT_SEND_TIMEOUT_SECONDS): scheduler lag beside (a).
// BENCH_ROUNDS (default 1, about 14 minutes) repeats the three phases; the table shows each run and the median.
import { applyMigrations } from '@ihm/db';
import { createDatabase, databaseUrl, dropDatabase } from '@ihm/db/testing';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Webhook } from 'standardwebhooks';
import { adminDatabase, freePort, sleep, waitFor } from '../lib/stack.mjs';
import {
  benchApi,
  cpuSeconds,
  fmt,
  histogramQuantile,
  median,
  percentile,
  scrapeSchedulerLag,
  seedProbedIntegrations,
  spawnBenchMonitor,
  sql,
  stopBenchMonitor,
} from './lib.mjs';

const INTEGRATIONS = Number(process.env.BENCH_INTEGRATIONS ?? 10_000);
const FAILING = Number(process.env.BENCH_FAILING ?? 2_000);
const INTERVAL_S = Number(process.env.BENCH_INTERVAL_S ?? 60);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
// The monitor's defaults (README, Configuration): the bench measures what users get, so it never sets them.
const GROUP_WAIT_S = 30;
const SEND_TIMEOUT_S = 10;
const FAILURES_TO_FIRE = 3;
// From T, the third failing probe of every failing integration has started within 3 intervals; its notification
// waits out the group wait. The window measured covers that and a margin, in every phase alike.
const MEASURE_S = Number(process.env.BENCH_MEASURE_S ?? FAILURES_TO_FIRE * INTERVAL_S + GROUP_WAIT_S + 15);
/** After the window, how long a healthy receiver may still take for the last integrations (reported if missed). */
const GRACE_S = 60;
const DB = 'ihm_bench_alerts';
const SECRET = `whsec_${randomBytes(32).toString('base64')}`;

// The target: 200 for every path; after 'fail', 500 for /fail/*. Its own process, so its CPU is not ours.
const TARGET_SOURCE = `
const { createServer } = require('node:http');
let failing = false;
let failed = 0;
const server = createServer((req, res) => {
  const fail = failing && req.url.startsWith('/fail/');
  if (fail) failed += 1;
  res.writeHead(fail ? 500 : 200, { 'content-type': 'application/json' });
  res.end(fail ? '{"error":"internal error"}' : '{"ok":true}');
});
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'fail') { failing = true; process.send({ switchedAt: Date.now() }); }
  if (m === 'count') process.send({ failed });
});
process.on('disconnect', () => process.exit(0));
`;

async function startTarget() {
  const child = spawn(process.execPath, ['-e', TARGET_SOURCE], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (key) =>
    new Promise((resolve, reject) => {
      const onMessage = (m) => key in m && (child.off('message', onMessage), resolve(m[key]));
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`target exited with ${code}`)));
    });
  const port = await next('port');
  return {
    url: `http://127.0.0.1:${port}`,
    /** From now on /fail/* answers 500; resolves to the time (ms since epoch) of the switch. */
    fail: () => (child.send('fail'), next('switchedAt')),
    failedAnswers: () => (child.send('count'), next('failed')),
    stop: () => child.kill('SIGTERM'),
  };
}

/**
 * A webhook receiver on loopback that verifies every request with `standardwebhooks` and records, per integration,
 * when the first firing notification listing it arrived. `hang`: it reads and verifies each request and never
 * answers (the monitor's send timeout ends each attempt).
 */
async function startReceiver(hang) {
  const webhook = new Webhook(SECRET);
  const arrivals = new Map();
  const received = { requests: 0, firing: 0, unverified: 0, repeats: 0, sizes: [] };
  const ids = new Set();
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const at = Date.now();
      received.requests += 1;
      let payload;
      try {
        payload = webhook.verify(Buffer.concat(chunks).toString('utf8'), {
          'webhook-id': req.headers['webhook-id'],
          'webhook-timestamp': req.headers['webhook-timestamp'],
          'webhook-signature': req.headers['webhook-signature'],
        });
      } catch {
        received.unverified += 1;
        if (!hang) res.writeHead(401).end();
        return;
      }
      if (ids.has(req.headers['webhook-id'])) received.repeats += 1;
      ids.add(req.headers['webhook-id']);
      if (payload.type === 'alert.firing') {
        received.firing += 1;
        received.sizes.push(payload.integrations.length);
        for (const { id } of payload.integrations) if (!arrivals.has(id)) arrivals.set(id, at);
      }
      if (!hang) res.writeHead(204).end();
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/hooks/monitor`,
    arrivals,
    received,
    stop: () => (server.closeAllConnections(), server.close()),
  };
}

const startMonitor = (env, dataDir) =>
  spawnBenchMonitor({
    dataDir,
    env: { ...env },
    unset: ['ALERT_GROUP_WAIT_SECONDS', 'ALERT_SEND_TIMEOUT_SECONDS', 'PROBE_CONCURRENCY'],
  });

const stopMonitor = stopBenchMonitor;

const api = benchApi;

/** Runs `task` over `items`, `concurrency` at a time. */
async function eachLimited(items, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await task(items[next++]);
    }),
  );
}

const log = (line) => process.stderr.write(`[bench:alerts] ${line}\n`);

/** One phase on a fresh database and monitor: 'baseline', 'failing' (healthy receiver) or 'hung'. */
async function runPhase(admin, phase) {
  const url = databaseUrl(admin.url, DB);
  const dataDir = await mkdtemp(join(tmpdir(), 'ihm-bench-alerts-'));
  const target = await startTarget();
  const receiver = await startReceiver(phase === 'hung');
  let monitor;
  try {
    await createDatabase(admin.url, DB);
    await applyMigrations(url);
    // The first FAILING by name fail from T; the schedule spreads every integration over one interval by its id.
    await seedProbedIntegrations(url, {
      targetUrl: target.url,
      count: INTEGRATIONS,
      intervalSeconds: INTERVAL_S,
      path: `CASE WHEN n <= ${FAILING} THEN '/fail/' ELSE '/ok/' END || n`,
    });
    const failingIds = (await sql(url, `SELECT id::text FROM integrations WHERE url LIKE '%/fail/%'`)).map(
      (r) => r.id,
    );
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    monitor = startMonitor({ DATABASE_URL: url, MONITOR_PORT: String(port) }, dataDir);
    await waitFor(`${base}/health`, 'the monitor');
    // A webhook channel to the receiver on the default rule, through the API as a user would.
    const channel = await api(base, 'POST', '/api/channels', {
      name: 'bench receiver',
      type: 'webhook',
      config: { url: receiver.url, secret: SECRET },
    });
    const { items: rules } = await api(base, 'GET', '/api/alert-rules');
    if (rules.length !== 1 || rules[0].condition.type !== 'consecutiveFailures')
      throw new Error(`expected the one default rule, found ${rules.length}`);
    await api(base, 'PATCH', `/api/alert-rules/${rules[0].id}`, { channelIds: [channel.id] });

    await sleep(WARMUP_S * 1000);
    const before = {
      lag: await scrapeSchedulerLag(base),
      cpu: await cpuSeconds(monitor.pid),
      at: performance.now(),
    };
    const switchedAt = phase === 'baseline' ? null : await target.fail();
    log(
      `${phase}: measuring ${MEASURE_S} s${switchedAt ? `, ${fmt(FAILING)} integrations failing from now` : ''}`,
    );
    await sleep(MEASURE_S * 1000);
    const after = {
      lag: await scrapeSchedulerLag(base),
      cpu: await cpuSeconds(monitor.pid),
      at: performance.now(),
    };
    const seconds = (after.at - before.at) / 1000;
    const result = {
      phase,
      lagP50: histogramQuantile(before.lag, after.lag, 0.5) * 1000,
      lagP99: histogramQuantile(before.lag, after.lag, 0.99) * 1000,
      cpu: ((after.cpu - before.cpu) / seconds) * 100,
    };
    if (phase === 'baseline') return result;

    // Outside the window: the last integrations a healthy receiver has not seen yet get a grace period.
    if (phase === 'failing')
      for (let end = Date.now() + GRACE_S * 1000; Date.now() < end; await sleep(1000))
        if (failingIds.every((id) => receiver.arrivals.has(id))) break;
    const alerts = new Map();
    await eachLimited(failingIds, 8, async (id) => {
      const { items } = await api(base, 'GET', `/api/alerts?integrationId=${id}`);
      const fired = items.find((a) => a.firedAt !== null);
      if (fired) alerts.set(id, fired);
    });
    const [{ fired, others }] = await sql(
      url,
      `SELECT count(*) FILTER (WHERE i.url LIKE '%/fail/%')::int AS fired,
              count(*) FILTER (WHERE i.url NOT LIKE '%/fail/%')::int AS others
       FROM alerts a JOIN integrations i ON i.id = a.integration_id WHERE a.fired_at IS NOT NULL`,
    );
    const [{ attempts, delivered }] = await sql(
      url,
      `SELECT count(DISTINCT (n.batch_id, a.at))::int AS attempts,
              count(DISTINCT n.batch_id) FILTER (WHERE n.delivered_at IS NOT NULL)::int AS delivered
       FROM delivery_attempts a JOIN notifications n ON n.id = a.notification_id`,
    );
    const latencies = [];
    const fromSwitch = [];
    for (const id of failingIds) {
      const arrived = receiver.arrivals.get(id);
      const alert = alerts.get(id);
      if (arrived === undefined || !alert) continue;
      latencies.push(arrived - Date.parse(alert.firedAt));
      fromSwitch.push(arrived - switchedAt);
    }
    return {
      ...result,
      fired,
      others,
      firedSeen: alerts.size,
      received: { ...receiver.received },
      covered: failingIds.filter((id) => receiver.arrivals.has(id)).length,
      attempts,
      delivered,
      failedAnswers: await target.failedAnswers(),
      latencyP50: latencies.length ? percentile(latencies, 50) : NaN,
      latencyP99: latencies.length ? percentile(latencies, 99) : NaN,
      latencyMax: latencies.length ? Math.max(...latencies) : NaN,
      switchP50: fromSwitch.length ? percentile(fromSwitch, 50) : NaN,
      switchMax: fromSwitch.length ? Math.max(...fromSwitch) : NaN,
    };
  } finally {
    if (monitor) await stopMonitor(monitor);
    receiver.stop();
    target.stop();
    await dropDatabase(admin.url, DB).catch(() => {});
    await rm(dataDir, { recursive: true, force: true });
  }
}

const admin = await adminDatabase(process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL);
const runs = { baseline: [], failing: [], hung: [] };
try {
  for (let round = 1; round <= ROUNDS; round += 1)
    for (const phase of ['baseline', 'failing', 'hung']) {
      log(`round ${round}/${ROUNDS}, phase ${phase}`);
      runs[phase].push(await runPhase(admin, phase));
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
const ms = (n) => (Number.isNaN(n) ? '–' : `${fmt(n)} ms`);
const s = (n) => (Number.isNaN(n) ? '–' : `${fmt(n / 1000, 1)} s`);
const of = (phase, key) => runs[phase].map((r) => r[key]);
const baselineP99 = median(of('baseline', 'lagP99'));
const perMessage = (r) => (r.received.sizes.length ? r.received.sizes.join('+') : '0');

const table = [
  ['scheduler lag p50, no failures (a)', show(of('baseline', 'lagP50'), ms), ''],
  ['scheduler lag p99, no failures (a)', show(of('baseline', 'lagP99'), ms), '< 1,000 ms'],
  [
    `scheduler lag p50, ${fmt(FAILING)} failing, receiver answering (b)`,
    show(of('failing', 'lagP50'), ms),
    '',
  ],
  [
    `scheduler lag p99, ${fmt(FAILING)} failing, receiver answering (b)`,
    show(of('failing', 'lagP99'), ms),
    `≤ ${ms(baselineP99)} (a's p99)`,
  ],
  [`scheduler lag p50, ${fmt(FAILING)} failing, receiver hanging (c)`, show(of('hung', 'lagP50'), ms), ''],
  [
    `scheduler lag p99, ${fmt(FAILING)} failing, receiver hanging (c)`,
    show(of('hung', 'lagP99'), ms),
    `≤ ${ms(baselineP99)} (a's p99)`,
  ],
  [
    'monitor CPU, % of one core (a / b / c)',
    ['baseline', 'failing', 'hung'].map((p) => show(of(p, 'cpu'), (n) => `${fmt(n)} %`)).join(' / '),
    '',
  ],
  [
    'alerts fired (b), of the failing / of the others',
    runs.failing.map((r) => `${fmt(r.fired)} / ${fmt(r.others)}`).join(', '),
    `${fmt(FAILING)} / 0`,
  ],
  ['firing probe start → arrival at the receiver, p50 (b)', show(of('failing', 'latencyP50'), s), ''],
  [
    'firing probe start → arrival at the receiver, p99 / max (b)',
    runs.failing.map((r) => `${s(r.latencyP99)} / ${s(r.latencyMax)}`).join(', '),
    `≤ group wait ${GROUP_WAIT_S} s (+ a tick)`,
  ],
  [
    'failure begins (T) → arrival, p50 / max (b)',
    runs.failing.map((r) => `${s(r.switchP50)} / ${s(r.switchMax)}`).join(', '),
    `≤ ${FAILURES_TO_FIRE} intervals + group wait = ${FAILURES_TO_FIRE * INTERVAL_S + GROUP_WAIT_S} s`,
  ],
  [
    'messages received (b, grouped; integrations in each)',
    runs.failing.map((r) => `${fmt(r.received.firing)} (${perMessage(r)})`).join(', '),
    '',
  ],
  [
    'failing integrations that arrived / missing (b)',
    runs.failing.map((r) => `${fmt(r.covered)} / ${fmt(FAILING - r.covered)}`).join(', '),
    `${fmt(FAILING)} / 0`,
  ],
  [
    'receiver: unverified signatures / repeated webhook-ids (b)',
    runs.failing.map((r) => `${r.received.unverified} / ${r.received.repeats}`).join(', '),
    '0 / 0',
  ],
  [
    'hanging receiver (c): alerts fired / requests taken / attempts logged',
    runs.hung.map((r) => `${fmt(r.fired)} / ${fmt(r.received.requests)} / ${fmt(r.attempts)}`).join(', '),
    `${fmt(FAILING)} / – / –`,
  ],
];

console.log(
  `bench:alerts — ${fmt(INTEGRATIONS)} integrations every ${INTERVAL_S} s (${fmt(INTEGRATIONS / INTERVAL_S)} probes/s), ` +
    `${fmt(FAILING)} answering 500 from T; default rule (${FAILURES_TO_FIRE} consecutive failures) → one webhook channel, ` +
    `group wait ${GROUP_WAIT_S} s, send timeout ${SEND_TIMEOUT_S} s (defaults); ${admin.label}; per phase a fresh ` +
    `database and monitor, ${WARMUP_S} s warm-up, then ${MEASURE_S} s measured from T; ${ROUNDS} round(s)` +
    (ROUNDS > 1 ? ', median (runs)' : ''),
);
console.log('');
console.log('| measure | value | expected / ceiling |');
console.log('| --- | --- | --- |');
for (const [measure, value, target] of table) console.log(`| ${measure} | ${value} | ${target} |`);
