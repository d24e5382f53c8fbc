// The whole product for end-to-end tests and benchmarks, built as `npm start` runs it: sandbox, monitor (on the
// given database, else its own embedded PostgreSQL) and dashboard in production mode, on free loopback ports.
import { createDatabase, databaseUrl, dropDatabase } from '@ihm/db/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, root, startProcess, stopProcess, waitFor } from './stack.mjs';

export const ADMIN_PASSWORD = 'e2e-admin-password-123';
export const API_TOKEN = 'e2e-api-token-0123456789abcdef';

/**
 * @param {{ name: string, adminUrl?: string, monitorEnv?: Record<string, string>, quiet?: boolean }} options
 * `adminUrl`: a PostgreSQL server to create a fresh database on; without it the monitor starts its embedded one.
 */
export async function startProduct({ name, adminUrl, monitorEnv = {}, quiet = false }) {
  const dataDir = await mkdtemp(join(tmpdir(), `ihm-${name}-`));
  const [sandboxPort, monitorPort, dashboardPort, embeddedPort] = await Promise.all(
    Array.from({ length: 4 }, freePort),
  );
  const database = adminUrl ? `ihm_${name.replace(/\W/g, '_')}_${process.pid}` : null;
  if (database) await createDatabase(adminUrl, database);

  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  const monitorUrl = `http://127.0.0.1:${monitorPort}`;
  const dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
  const children = [];
  let monitor;
  const stop = async () => {
    await Promise.all(children.reverse().map((child) => stopProcess(child)));
    if (database) await dropDatabase(adminUrl, database);
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    children.push(
      startProcess('sandbox', ['apps/sandbox/dist/main.js'], {
        env: { SANDBOX_PORT: String(sandboxPort) },
        quiet,
      }),
    );
    monitor = startProcess('monitor', ['apps/monitor/dist/main.js'], {
      env: {
        DATA_DIR: dataDir,
        MONITOR_PORT: String(monitorPort),
        EMBEDDED_POSTGRES_PORT: String(embeddedPort),
        ...(database ? { DATABASE_URL: databaseUrl(adminUrl, database) } : {}),
        DEMO: '0',
        ALLOW_PRIVATE_TARGETS: 'true', // the sandbox and the tests' receivers listen on loopback
        ADMIN_PASSWORD,
        API_TOKEN,
        LOG_LEVEL: 'warn',
        ...monitorEnv,
      },
      quiet,
    });
    children.push(monitor);
    await waitFor(`${sandboxUrl}/catalog`, 'the sandbox');
    await waitFor(`${monitorUrl}/ready`, 'the monitor', 120_000);
    const nextBin = join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
    children.push(
      startProcess('dashboard', [nextBin, 'start', '-p', String(dashboardPort), '-H', '127.0.0.1'], {
        cwd: join(root, 'apps', 'dashboard'),
        env: { MONITOR_URL: monitorUrl, NODE_ENV: 'production' },
        quiet,
      }),
    );
    await waitFor(`${dashboardUrl}/signin`, 'the dashboard');
  } catch (error) {
    await stop();
    throw error;
  }
  /** Stops the monitor alone, as an outage would: the dashboard keeps running. */
  const stopMonitor = () => stopProcess(monitor);
  /** What `npm run config` needs to reach this monitor's database and open its secrets. */
  const configEnv = {
    DATA_DIR: dataDir,
    ALLOW_PRIVATE_TARGETS: 'true', // as the monitor: the file's integrations probe the sandbox on loopback
    EMBEDDED_POSTGRES_PORT: String(embeddedPort),
    ...(database ? { DATABASE_URL: databaseUrl(adminUrl, database) } : {}),
  };
  return { sandboxUrl, monitorUrl, dashboardUrl, configEnv, stop, stopMonitor };
}

/** A call to the monitor's API with the API token (or the given one), as a script would make it. */
export async function api(monitorUrl, method, path, body, token = API_TOKEN) {
  const response = await fetch(`${monitorUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}
