import { createServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, ownDatabase, recordingTarget, sleep, spawnMonitor, stopProcess } from './processes';

const TOKEN = 'outage-test-token-0123456789';
const INTEGRATIONS = 20;
const OUTAGE_MS = 20_000;

/** Its own embedded PostgreSQL, whatever TEST_DATABASE_URL says: this test stops and restarts the server. */
describe('database outage', () => {
  let database: Awaited<ReturnType<typeof ownDatabase>>;
  let target: Awaited<ReturnType<typeof recordingTarget>>;

  beforeAll(async () => {
    database = await ownDatabase('ihm-outage-');
    target = await recordingTarget();
  });
  afterAll(async () => {
    await database.remove();
    await new Promise((resolve) => target.server.close(resolve));
  });

  /** A monitor on the database with INTEGRATIONS checks of `target` every 10 s and `others`, each run once. */
  async function monitorWithChecks(name: string, paths: string, ...others: object[]) {
    const apiPort = await freePort();
    const monitor = spawnMonitor({
      DATABASE_URL: database.connectionString,
      DATA_DIR: join(database.dataDir, name),
      API_TOKEN: TOKEN,
      MONITOR_PORT: String(apiPort),
      DEMO: '0',
    });
    try {
      const api = `http://127.0.0.1:${apiPort}`;
      for (let deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(200)) {
        if (
          await fetch(`${api}/health`).then(
            (r) => r.ok,
            () => false,
          )
        )
          break;
      }
      const checks = Array.from({ length: INTEGRATIONS }, (_, i) => ({
        name: `${paths} ${i}`,
        url: `${target.url}/${paths}/${i}`,
        intervalSeconds: 10,
        timeoutMs: 2000,
      }));
      for (const check of [...checks, ...others]) {
        const res = await fetch(`${api}/api/integrations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(check),
        });
        expect(res.status).toBe(201);
      }
      // Every integration has run once, so the worker knows them all.
      await sleep(11_000);
    } catch (error) {
      await stopProcess(monitor, 'SIGKILL');
      throw error;
    }
    return monitor;
  }

  it('keeps probing while the database is down for 20 s and stores every result of that window', async () => {
    const monitor = await monitorWithChecks('monitor', 't');
    try {
      const outageStarted = Date.now();
      await database.stop();
      await sleep(OUTAGE_MS);
      await database.start();
      const outageEnded = Date.now();
      await sleep(5_000);
      await stopProcess(monitor);
      // The outage did not take the monitor down: it stopped cleanly on SIGTERM.
      expect(monitor.exitCode).toBe(0);

      const duringOutage = [...target.hits.entries()].flatMap(([path, times]) =>
        times.filter((t) => t >= outageStarted && t <= outageEnded).map((t) => ({ path, t })),
      );
      // Probing went on: about two runs of each integration fit in 20 s.
      expect(duringOutage.length).toBeGreaterThanOrEqual(INTEGRATIONS);

      const client = new Client({ connectionString: database.connectionString });
      await client.connect();
      const { rows } = await client.query<{ url: string; started_at: Date }>(
        `SELECT i.url, r.started_at FROM probe_results r JOIN integrations i ON i.id = r.integration_id
         WHERE r.started_at BETWEEN $1 AND $2`,
        [new Date(outageStarted - 1000), new Date(outageEnded)],
      );
      await client.end();
      const stored = rows.map((row) => ({ path: new URL(row.url).pathname, t: row.started_at.getTime() }));
      // Each request the target saw has its result, started at most a second before the request arrived.
      const missing = duringOutage.filter(
        ({ path, t }) => !stored.some((s) => s.path === path && s.t <= t && t - s.t < 1000),
      );
      expect(missing).toEqual([]);
    } finally {
      await stopProcess(monitor);
      if (monitor.exitCode !== 0) console.log(monitor.output.join(''));
    }
  }, 120_000);

  it('stops within its deadline on SIGTERM while the database is down, and says what it could not write', async () => {
    // A target that never answers: at the signal, its probe is in flight for the whole grace period.
    const held = new Set<Socket>();
    const silent = createServer((socket) => void held.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const monitor = await monitorWithChecks('stopping', 's', {
      name: 'never answers',
      url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`,
      intervalSeconds: 60,
      timeoutMs: 30_000,
    });
    try {
      await database.stop();
      // Results of the runs meanwhile wait for the database, to be written and evaluated.
      await sleep(4_000);
      const signalled = Date.now();
      await stopProcess(monitor);
      const output = monitor.output.join('');
      expect({ exitCode: monitor.exitCode, output }).toMatchObject({ exitCode: 0 });
      expect(Date.now() - signalled).toBeLessThan(10_000);
      expect(output).toMatch(/Stopping with \d+ result\(s\) not written/);
    } finally {
      await stopProcess(monitor, 'SIGKILL');
      await database.start();
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 60_000);
});
