import { applyMigrations } from '@ihm/db';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

export const MONITOR_MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

/** A monitor process (`node dist/main.js`) with the given environment; its output is kept for failures. */
export function spawnMonitor(env: Record<string, string>): ChildProcess & { output: string[] } {
  const child = spawn(process.execPath, [MONITOR_MAIN], {
    // Targets and receivers in tests listen on loopback.
    env: {
      PATH: process.env.PATH ?? '',
      NO_COLOR: '1',
      LOG_LEVEL: 'warn',
      ALLOW_PRIVATE_TARGETS: 'true',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  }) as ChildProcess & { output: string[] };
  child.output = [];
  child.stdout?.on('data', (chunk: Buffer) => child.output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => child.output.push(chunk.toString()));
  return child;
}

export function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A target that answers 200 and records when each path was requested. */
export async function recordingTarget(): Promise<{
  url: string;
  hits: Map<string, number[]>;
  server: Server;
}> {
  const hits = new Map<string, number[]>();
  const server = createHttpServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, [...(hits.get(path) ?? []), Date.now()]);
    res.setHeader('content-type', 'application/json');
    res.end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, server };
}

/**
 * A target that answers `status` on every path (a JSON error body when it fails) until told another status: for
 * tests that make integrations fail and recover. `url` is its origin.
 */
export async function switchableTarget(
  initial = 500,
): Promise<{ url: string; server: Server; answer: (status: number) => void }> {
  let status = initial;
  const server = createHttpServer((_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(status < 400 ? '{"ok":true}' : '{"error":"internal","message":"database is on fire"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    answer: (next) => (status = next),
  };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface DatabaseServer {
  connectionString: string;
  stop(): Promise<void>;
}

/** An embedded PostgreSQL in its own process, which a test may stop and start again on the same data. */
export function startDatabaseServer(dataDir: string, port: number): Promise<DatabaseServer> {
  const script = join(__dirname, '..', '..', '..', '..', 'scripts', 'test-db', 'embedded-server.mjs');
  const child = spawn(process.execPath, [script, dataDir, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /READY (\S+)/.exec(chunk.toString());
      if (match) resolve({ connectionString: match[1]!, stop: () => stopProcess(child) });
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
}

/**
 * An embedded PostgreSQL of a test's own, whatever TEST_DATABASE_URL says, migrated, in a fresh folder (with room
 * for the monitors' data folders): for tests that stop the server and start it again on the same data and port.
 */
export async function ownDatabase(prefix: string): Promise<{
  dataDir: string;
  connectionString: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  remove(): Promise<void>;
}> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  // As root, the server runs as the postgres user, which must be able to traverse into the folder.
  await chmod(dataDir, 0o711);
  const port = await freePort();
  let server: DatabaseServer | null = await startDatabaseServer(join(dataDir, 'db'), port);
  await applyMigrations(server.connectionString);
  const stop = async () => {
    await server?.stop();
    server = null;
  };
  return {
    dataDir,
    connectionString: server.connectionString,
    stop,
    start: async () => {
      server = await startDatabaseServer(join(dataDir, 'db'), port);
    },
    remove: async () => {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
