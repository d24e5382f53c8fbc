// Helpers shared by the benchmarks: a target server in its own process, timing, medians.
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../lib/stack.mjs';

export { root };

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** The sandbox API in a child process on a free loopback port, so the target's CPU is not ours. */
export async function startSandbox() {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, [join(root, 'apps/sandbox/dist/main.js')], {
    env: { ...process.env, SANDBOX_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => chunk.toString().includes('listening') && resolve());
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

/** Runs `task` `total` times with `concurrency` in flight; returns requests per second. */
export async function throughput(total, concurrency, task) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        await task();
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

export const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** One SQL statement on its own connection; answers the rows. */
export async function sql(url, text, params = []) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** CPU seconds (user + system) of a process, from /proc. */
export async function cpuSeconds(pid) {
  const { readFile } = await import('node:fs/promises');
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The monitor's scheduler lag histogram (cumulative buckets) from a /metrics scrape (`token`: METRICS_TOKEN). */
export async function scrapeSchedulerLag(url, token) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  return schedulerLagOf(await (await fetch(`${url}/metrics`, { headers })).text());
}

/** The scheduler lag histogram (cumulative buckets) in the text of a /metrics scrape. */
export function schedulerLagOf(text) {
  const buckets = [...text.matchAll(/^monitor_scheduler_lag_seconds_bucket\{le="([^"]+)"\} (\d+)/gm)].map(
    ([, le, n]) => [le === '+Inf' ? Infinity : Number(le), Number(n)],
  );
  return { buckets };
}

/** A quantile from the difference of two cumulative histograms, interpolated within its bucket. */
export function histogramQuantile(before, after, q) {
  const counts = after.buckets.map(([le, n], i) => [le, n - before.buckets[i][1]]);
  const total = counts.at(-1)[1];
  const rank = q * total;
  let lower = 0;
  let seen = 0;
  for (const [le, cumulative] of counts) {
    if (cumulative >= rank) {
      const inBucket = cumulative - seen;
      const upper = le === Infinity ? lower * 2 : le;
      return lower + ((rank - seen) / Math.max(1, inBucket)) * (upper - lower);
    }
    lower = le;
    seen = cumulative;
  }
  return lower;
}

/**
 * Registers `count` http integrations straight in the database (faster than the API at 10,000), each with its
 * schedule spread over one interval by its id as the monitor spreads a bulk registration. `name` and `path` are
 * SQL expressions of `n` (1 to count); the path is appended to `targetUrl` (one origin, or several taken in turn).
 */
export async function seedProbedIntegrations(
  url,
  { targetUrl, count, intervalSeconds, name = `'bench ' || n`, path = `'/ok/' || n` },
) {
  const origins = [targetUrl].flat();
  await sql(
    url,
    `WITH i AS (
       INSERT INTO integrations (name, url, method, interval_seconds, timeout_ms, updated_at)
       SELECT ${name}, ($1::text[])[1 + n % ${origins.length}] || ${path}, 'GET', ${intervalSeconds}, 5000, now()
       FROM generate_series(1, ${count}) AS n
       RETURNING id)
     INSERT INTO check_schedules (integration_id, next_due_at)
     SELECT id, now() + (('x' || substr(md5(id::text), 1, 8))::bit(32)::bigint % ${intervalSeconds * 1000}) * interval '1 ms' FROM i`,
    [origins],
  );
}

/** One call of the monitor's API with the bench token; answers the parsed body, throws on a non-2xx answer. */
export async function benchApi(base, method, path, body) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${BENCH_API_TOKEN}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body && JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/** The API token every bench monitor is started with. */
export const BENCH_API_TOKEN = 'bench-token-0123456789abcdef';

/**
 * The built monitor as its own process, on the defaults users get: the settings named in `unset` are taken out of
 * the inherited environment, `env` adds the bench's own; its output but errors is dropped.
 */
export function spawnBenchMonitor({ dataDir, env = {}, unset = [] }) {
  const inherited = { ...process.env };
  for (const name of unset) delete inherited[name];
  // BENCH_MONITOR_NODE_ARGS: flags for the monitor's node (e.g. --cpu-prof), to see where a figure comes from.
  const nodeArgs = (process.env.BENCH_MONITOR_NODE_ARGS ?? '').split(' ').filter(Boolean);
  return spawn(process.execPath, [...nodeArgs, join(root, 'apps/monitor/dist/main.js')], {
    env: {
      ...inherited,
      NO_COLOR: '1',
      LOG_LEVEL: 'warn',
      API_TOKEN: BENCH_API_TOKEN,
      ENCRYPTION_KEY: '0'.repeat(64),
      DATA_DIR: dataDir,
      DEMO: '0',
      ALLOW_PRIVATE_TARGETS: 'true', // the benchmarks' targets listen on loopback
      ...env,
    },
    // Its log (warnings and errors) is kept beside its data folder, to see what a figure came with.
    stdio: ['ignore', openSync(`${dataDir}.log`, 'a'), 'inherit'],
  });
}

/** SIGTERM, then SIGKILL after 15 s; resolves once the process is gone. */
export const stopBenchMonitor = (child) =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => (clearTimeout(timer), resolve()));
    child.kill('SIGTERM');
  });
