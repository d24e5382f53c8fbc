import { PrismaClient } from '@ihm/db';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor, type RunningMonitor } from './monitor-app';
import { recordingTarget, sleep, spawnMonitor, stopProcess } from './processes';

const INTEGRATIONS = 300;
const INTERVAL_S = 10;
const RUN_MS = 60_000;

describe('scale-out: three workers on one database', () => {
  let monitor: RunningMonitor;
  let target: Awaited<ReturnType<typeof recordingTarget>>;

  beforeAll(async () => {
    target = await recordingTarget();
    monitor = await startMonitor();
  });
  afterAll(async () => {
    await monitor.close();
    await new Promise((resolve) => target.server.close(resolve));
  });

  it(`probes each of ${INTEGRATIONS} integrations once per interval, also after a worker is killed`, async () => {
    for (let i = 0; i < INTEGRATIONS; i += 1) {
      const res = await monitor.call('/api/integrations', {
        method: 'POST',
        json: {
          name: `target ${i}`,
          url: `${target.url}/t/${i}`,
          intervalSeconds: INTERVAL_S,
          timeoutMs: 2000,
        },
      });
      expect(res.status).toBe(201);
    }
    const env = { DATABASE_URL: monitor.db.connectionString, ROLE: 'worker', PROBE_CONCURRENCY: '50' };
    const workers = await Promise.all(
      [1, 2, 3].map(async () =>
        spawnMonitor({ ...env, DATA_DIR: await mkdtemp(join(tmpdir(), 'ihm-worker-')) }),
      ),
    );
    const started = Date.now();
    await sleep(RUN_MS / 2);
    await stopProcess(workers[0]!, 'SIGKILL');
    await sleep(RUN_MS / 2);
    const ended = Date.now();
    await Promise.all(workers.slice(1).map((worker) => stopProcess(worker)));

    const problems: string[] = [];
    for (let i = 0; i < INTEGRATIONS; i += 1) {
      const times = (target.hits.get(`/t/${i}`) ?? []).filter((t) => t >= started && t <= ended);
      if (times.length < 5 || times.length > 7) problems.push(`/t/${i}: ${times.length} probes in 60 s`);
      times.slice(1).forEach((t, k) => {
        const gap = (t - times[k]!) / 1000;
        // Twice in one interval would show as a gap well under 10 s; a lost check as one over two intervals.
        if (gap < INTERVAL_S - 1) problems.push(`/t/${i}: probed twice ${gap.toFixed(1)} s apart`);
        if (gap > 2 * INTERVAL_S + 1) problems.push(`/t/${i}: ${gap.toFixed(1)} s without a probe`);
      });
    }
    expect(problems).toEqual([]);

    // The results were stored too: all but the few the killed worker still held in its buffer.
    const hits = [...target.hits.values()].flat().filter((t) => t >= started && t <= ended).length;
    const [row] = await monitor.app.get(PrismaClient).$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM probe_results WHERE started_at BETWEEN ${new Date(started - 2000)} AND ${new Date(ended)}`;
    expect(row!.n).toBeGreaterThanOrEqual(hits * 0.98);
  }, 120_000);
});
