import { join } from 'node:path';
import { Client } from 'pg';
import { freePort, ownDatabase, recordingTarget, sleep, spawnMonitor, stopProcess } from './processes';

const TOKEN = 'fault-run-token-0123456789';
const INTEGRATIONS = 300;
const INTERVAL_S = 10;
/** The default lease: how long a killed worker's checks wait before the others take them over. */
const LEASE_S = 30;
const KILL_AT_S = 40;
const OUTAGE_S = [70, 90] as const;
const END_AT_S = 130;

/**
 * Three processes on one database (one ROLE=all, two ROLE=worker): one worker is killed with SIGKILL, then the
 * database is stopped for 20 s. Counted from the target's requests and from the stored rows, no check runs twice
 * in an interval, none is skipped through the outage, and a killed worker's checks move within a lease.
 */
describe('fault run: three processes, a SIGKILL and a database outage', () => {
  let database: Awaited<ReturnType<typeof ownDatabase>>;
  let target: Awaited<ReturnType<typeof recordingTarget>>;

  beforeAll(async () => {
    database = await ownDatabase('ihm-fault-run-');
    target = await recordingTarget();
  });
  afterAll(async () => {
    await database.remove();
    await new Promise((resolve) => target.server.close(resolve));
  });

  it('runs every check once per interval throughout', async () => {
    const apiPort = await freePort();
    const env = (name: string, role: string) => ({
      DATABASE_URL: database.connectionString,
      DATA_DIR: join(database.dataDir, name),
      API_TOKEN: TOKEN,
      ENCRYPTION_KEY: 'ab'.repeat(32),
      MONITOR_PORT: String(apiPort),
      DEMO: '0',
      ROLE: role,
    });
    const all = spawnMonitor(env('all', 'all'));
    const processes = [all];
    try {
      const api = `http://127.0.0.1:${apiPort}`;
      for (let deadline = Date.now() + 20_000; Date.now() < deadline; await sleep(200))
        if (
          await fetch(`${api}/health`).then(
            (r) => r.ok,
            () => false,
          )
        )
          break;
      for (let i = 0; i < INTEGRATIONS; i += 1) {
        const res = await fetch(`${api}/api/integrations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            name: `t${i}`,
            url: `${target.url}/t/${i}`,
            intervalSeconds: INTERVAL_S,
            timeoutMs: 2000,
          }),
        });
        expect(res.status).toBe(201);
      }
      const workers = [spawnMonitor(env('w1', 'worker')), spawnMonitor(env('w2', 'worker'))];
      processes.push(...workers);
      const started = Date.now();
      const at = (s: number) => sleep(started + s * 1000 - Date.now());

      await at(KILL_AT_S - 5);
      // The work is shared: each process owns some of the checks (the workers took theirs from what was given back).
      const owners = await ownersNow(database.connectionString);
      expect(owners.size).toBe(3);
      for (const owned of owners.values()) expect(owned).toBeGreaterThan(INTEGRATIONS / 10);

      await at(KILL_AT_S);
      await stopProcess(workers[0]!, 'SIGKILL');
      const killedAt = Date.now();
      await at(OUTAGE_S[0]);
      await database.stop();
      const outage = { from: Date.now(), to: 0 };
      await at(OUTAGE_S[1]);
      await database.start();
      outage.to = Date.now();
      await at(END_AT_S);
      const ended = Date.now();
      await Promise.all([all, workers[1]!].map((p) => stopProcess(p)));
      for (const p of [all, workers[1]!])
        if (p.exitCode !== 0) throw new Error(`a monitor exited with ${p.exitCode}:\n${p.output.join('')}`);

      // From the first full interval after the workers joined to the end.
      const from = started + INTERVAL_S * 1000;
      const probed = new Map(
        [...target.hits].map(([path, times]) => [path, times.filter((t) => t >= from && t <= ended)]),
      );
      const stored = await storedRuns(database.connectionString, new Date(from - 1000), new Date(ended));
      const problems: string[] = [];
      const spansKill = (a: number, b: number) => a <= killedAt && b >= killedAt;
      // Seconds into the run, to place a problem against the kill and the outage.
      const since = (t: number) => `${((t - started) / 1000).toFixed(1)} s`;
      for (let i = 0; i < INTEGRATIONS; i += 1) {
        const path = `/t/${i}`;
        for (const [label, times] of [
          ['probed', probed.get(path) ?? []],
          ['stored', stored.get(path) ?? []],
        ] as const) {
          times.slice(1).forEach((t, k) => {
            const previous = times[k]!;
            const gap = (t - previous) / 1000;
            // Twice in one interval shows as a gap well under it; a skipped run as one over two intervals, except
            // where the killed worker's checks waited for its lease (and its last results died with it).
            if (gap < INTERVAL_S - 1)
              problems.push(`${path}: ${label} twice, ${gap.toFixed(1)} s apart, at ${since(t)}`);
            const longest = spansKill(previous, t) ? INTERVAL_S + LEASE_S + 5 : 2 * INTERVAL_S + 1;
            if (gap > longest)
              problems.push(
                `${path}: ${gap.toFixed(1)} s without a run (${label}), from ${since(previous)} to ${since(t)}`,
              );
          });
        }
        // What ran during the outage waited in a buffer and was stored when the database returned.
        const outageRuns = (probed.get(path) ?? []).filter((t) => t >= outage.from && t <= outage.to);
        const storedOutage = (stored.get(path) ?? []).filter(
          (t) => t >= outage.from - 1000 && t <= outage.to,
        );
        if (storedOutage.length < outageRuns.length)
          problems.push(`${path}: ${outageRuns.length} probes in the outage, ${storedOutage.length} stored`);
      }
      expect(problems).toEqual([]);
    } finally {
      for (const p of processes) await stopProcess(p, 'SIGKILL');
    }
  }, 200_000);
});

async function withClient<T>(url: string, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

const ownersNow = (url: string) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ owner: string; n: number }>(
      'SELECT lease_owner AS owner, count(*)::int AS n FROM check_schedules WHERE lease_owner IS NOT NULL GROUP BY 1',
    );
    return new Map(rows.map((row) => [row.owner, row.n]));
  });

/** Each integration's stored runs (by its target path), oldest first. */
const storedRuns = (url: string, from: Date, to: Date) =>
  withClient(url, async (client) => {
    const { rows } = await client.query<{ url: string; started_at: Date }>(
      `SELECT i.url, r.started_at FROM probe_results r JOIN integrations i ON i.id = r.integration_id
       WHERE r.started_at BETWEEN $1 AND $2 ORDER BY r.started_at`,
      [from, to],
    );
    const runs = new Map<string, number[]>();
    for (const row of rows) {
      const path = new URL(row.url).pathname;
      runs.set(path, [...(runs.get(path) ?? []), row.started_at.getTime()]);
    }
    return runs;
  });
