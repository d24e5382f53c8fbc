#!/usr/bin/env node
// `npm start`: build what is missing or stale, then run the whole product in production mode as one command:
// the sandbox API (demo mode), the monitor (which starts the embedded PostgreSQL without DATABASE_URL) and the
// dashboard, with prefixed logs. Ctrl-C or SIGTERM stops every child within 10 s.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
// Children write to pipes; they colour their output only when ours reaches a terminal.
if (!process.stdout.isTTY) env.NO_COLOR = '1';
env.DATA_DIR = resolve(root, env.DATA_DIR || './.data');
const host = env.HOST || '127.0.0.1';
const ports = {
  monitor: Number(env.MONITOR_PORT || 4000),
  dashboard: Number(env.DASHBOARD_PORT || 3000),
  sandbox: Number(env.SANDBOX_PORT || 4010),
};
const demo = env.DEMO ? env.DEMO === '1' || env.DEMO === 'true' : !env.DATABASE_URL;
env.DEMO = demo ? '1' : '0';
const monitorUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${ports.monitor}`;
const STOP_DEADLINE_MS = 10_000;
const HEALTH_DEADLINE_MS = 180_000;

const colors = process.stdout.isTTY ? { monitor: 36, dashboard: 35, sandbox: 33, start: 32 } : null;
const tag = (name) => (colors ? `\x1b[${colors[name]}m[${name}]\x1b[0m ` : `[${name}] `);
const say = (line) => process.stdout.write(`${tag('start')}${line}\n`);

function build() {
  say('Building (Nx reuses what is already built)...');
  const result = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '--projects=monitor,dashboard,sandbox', '--outputStyle=static'],
    {
      cwd: root,
      env,
      stdio: 'inherit',
    },
  );
  if (result.status !== 0) {
    say('The build failed; see above.');
    process.exit(result.status ?? 1);
  }
}

const children = new Map();
let stopping = false;

function run(name, command, args, options = {}) {
  const child = spawn(command, args, {
    cwd: options.cwd ?? root,
    env: { ...env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a stop reaches the grandchildren too (Next's server, for one).
    detached: true,
  });
  for (const stream of [child.stdout, child.stderr]) {
    let partial = '';
    stream.on('data', (chunk) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(`${tag(name)}${line}\n`);
    });
  }
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) {
      say(`${name} exited (${signal ?? `code ${code}`}); stopping the rest.`);
      void stopAll(code || 1);
    } else if (children.size === 0) {
      process.exit(process.exitCode ?? 0);
    }
  });
  children.set(name, { child, signalGroup: options.signalGroup ?? true });
  return child;
}

function signal(entry, sig) {
  try {
    // The monitor gets the signal itself so it can close its API and then its embedded PostgreSQL in order.
    process.kill(entry.signalGroup ? -entry.child.pid : entry.child.pid, sig);
  } catch {
    /* already gone */
  }
}

async function stopAll(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  process.exitCode = exitCode;
  if (children.size === 0) process.exit(exitCode);
  say('Stopping...');
  for (const entry of children.values()) signal(entry, 'SIGTERM');
  setTimeout(() => {
    for (const entry of children.values()) {
      signal({ ...entry, signalGroup: true }, 'SIGKILL');
    }
    process.exit(exitCode || 1);
  }, STOP_DEADLINE_MS).unref();
}

async function waitFor(url, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline && !stopping) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

build();
const tokenExisted = env.API_TOKEN || existsSync(join(env.DATA_DIR, 'api-token'));
const dataDirExisted = existsSync(env.DATA_DIR);
if (demo) run('sandbox', process.execPath, ['apps/sandbox/dist/main.js']);
run('monitor', process.execPath, ['apps/monitor/dist/main.js'], { signalGroup: false });
if (!(await waitFor(`${monitorUrl}/health`, HEALTH_DEADLINE_MS))) {
  if (!stopping) say(`The monitor did not become healthy at ${monitorUrl}/health.`);
  await stopAll(1);
} else {
  const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  run('dashboard', process.execPath, [nextBin, 'start', '-p', String(ports.dashboard), '-H', host], {
    cwd: join(root, 'apps', 'dashboard'),
    env: { MONITOR_URL: monitorUrl },
  });
  const dashboardUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${ports.dashboard}`;
  if (await waitFor(dashboardUrl, 60_000)) {
    say('');
    say(`Dashboard:  ${dashboardUrl}`);
    say(`API:        ${monitorUrl}/api  (Authorization: Bearer <token>)`);
    say(
      tokenExisted
        ? `API token:  ${env.API_TOKEN ? 'from API_TOKEN' : `in ${join(env.DATA_DIR, 'api-token')}`}`
        : 'API token:  generated now and printed above by the monitor, once',
    );
    say(
      env.ADMIN_PASSWORD
        ? 'Admin password: from ADMIN_PASSWORD'
        : dataDirExisted
          ? 'Admin password: generated on the first start and printed by the monitor then (set ADMIN_PASSWORD to choose one)'
          : 'Admin password: generated on first start and printed above by the monitor, once',
    );
    if (demo) say(`Demo mode:  sandbox API at http://127.0.0.1:${ports.sandbox} (DEMO=0 turns it off)`);
    say('Press Ctrl-C to stop.');
  }
}
