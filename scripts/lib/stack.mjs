// Starting and stopping the product's processes for end-to-end tests and benchmarks: a real PostgreSQL, the
// sandbox, the monitor and the dashboard, each in its own process on free loopback ports.
import { startEmbeddedPostgres } from '@ihm/db';
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** A PostgreSQL server we may create databases on: the given URL, else an embedded server in a temp folder. */
export async function adminDatabase(url = process.env.TEST_DATABASE_URL) {
  if (url) return { url, label: `PostgreSQL at ${new URL(url).host}`, stop: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), 'ihm-pg-'));
  // The embedded server may run as the `postgres` user (when we are root): it must reach its folder.
  await chmod(dir, 0o711);
  const server = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
  return {
    url: server.connectionString,
    label: 'embedded PostgreSQL 18',
    stop: async () => (await server.stop(), await rm(dir, { recursive: true, force: true })),
  };
}

/** Polls `url` until it answers 2xx; throws after the deadline. */
export async function waitFor(url, what, deadlineMs = 60_000) {
  for (const deadline = Date.now() + deadlineMs; Date.now() < deadline; await sleep(200)) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
  }
  throw new Error(`${what} did not answer at ${url} within ${deadlineMs / 1000} s`);
}

/** A node process of ours in its own process group (so that stopping it stops its children too). */
export function startProcess(name, args, { env = {}, cwd = root, quiet = false } = {}) {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NO_COLOR: '1', NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', quiet ? 'ignore' : 'pipe', quiet ? 'ignore' : 'pipe'],
    detached: true,
  });
  if (!quiet) {
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        for (const line of chunk.toString().split('\n'))
          if (line) process.stderr.write(`[${name}] ${line}\n`);
      });
    }
  }
  return child;
}

/** SIGTERM to the process group, SIGKILL after `graceMs`. */
export function stopProcess(child, graceMs = 10_000) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        /* already gone */
      }
    };
    const timer = setTimeout(() => kill('SIGKILL'), graceMs);
    child.once('exit', () => (clearTimeout(timer), resolve()));
    kill('SIGTERM');
  });
}
