import { createTestDatabase, type TestDatabase } from '@ihm/db/testing';
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = join(__dirname, '..', '..', 'dist', 'main.js');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runMonitor(
  env: Record<string, string>,
  whenUp?: (stdout: string) => boolean,
): Promise<Exit & { stoppedInMs?: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    let signalledAt: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (whenUp?.(stdout) && signalledAt === undefined) {
        signalledAt = Date.now();
        child.kill('SIGTERM');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const killer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, stdout, stderr, stoppedInMs: signalledAt && Date.now() - signalledAt });
    });
  });
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe('monitor start-up', () => {
  let dataDir: string;
  let db: TestDatabase;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ihm-startup-'));
    db = await createTestDatabase(process.env);
  });
  afterAll(() => db.drop());

  it('gives one clear line and exit code 1 when DATABASE_URL points nowhere', async () => {
    const port = await closedPort();
    const result = await runMonitor({
      DATA_DIR: dataDir,
      DATABASE_URL: `postgresql://u:hunter2@127.0.0.1:${port}/db`,
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `monitor: Cannot connect to PostgreSQL at 127.0.0.1:${port}/db: connection refused (is the server running and listening on that port?)`,
    );
    expect(result.stderr + result.stdout).not.toContain('hunter2');
  });

  it('lists every bad variable at once and exits 1', async () => {
    const result = await runMonitor({ DATA_DIR: dataDir, MONITOR_PORT: 'x', DATABASE_URL: 'mysql://a' });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^monitor: Invalid environment variables: .*DATABASE_URL.*MONITOR_PORT/s);
  });

  it('migrates, serves, prints a generated token once and stops on SIGTERM', async () => {
    const port = await closedPort();
    const env = {
      DATA_DIR: await mkdtemp(join(tmpdir(), 'ihm-startup-')),
      DATABASE_URL: db.connectionString,
      MONITOR_PORT: String(port),
      DEMO: '0',
    };
    const first = await runMonitor(env, (out) => out.includes('API listening'));
    expect(first.code).toBe(0);
    expect(first.stoppedInMs).toBeLessThan(10_000);
    expect(first.stdout).toMatch(/Generated an API token, shown this once: ihm_/);
    const second = await runMonitor(env, (out) => out.includes('API listening'));
    expect(second.code).toBe(0);
    expect(second.stdout).not.toMatch(/Generated an API token/);
  });
});
