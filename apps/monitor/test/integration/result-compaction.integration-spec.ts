import { PrismaClient } from '@ihm/db';
import { ResultStoreRepository } from '../../src/results/result-store.repository';
import { retentionPlan } from '../../src/results/retention-plan';
import { RetentionRepository } from '../../src/results/retention.repository';
import { checkResult } from '../check-result.fixture';
import { startMonitor, type RunningMonitor } from './monitor-app';

/** Storage at scale on a real PostgreSQL: what is kept, what goes, and that the trends read the same after. */
describe('result compaction', () => {
  let monitor: RunningMonitor;
  let store: ResultStoreRepository;
  let retention: RetentionRepository;
  let prisma: PrismaClient;

  beforeAll(async () => {
    monitor = await startMonitor();
    store = monitor.app.get(ResultStoreRepository);
    retention = monitor.app.get(RetentionRepository);
    prisma = monitor.app.get(PrismaClient);
  });
  afterAll(() => monitor.close());

  async function integration(name: string): Promise<string> {
    const res = await monitor.call('/api/integrations', {
      method: 'POST',
      json: { name, url: 'https://api.example.com/x', intervalSeconds: 60 },
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }
  const down = {
    status: 'down' as const,
    category: 'server_error' as const,
    httpStatus: 503,
    message: 'down',
  };

  it('keeps failures, degraded results and changes of status; passed results go after the success retention', async () => {
    const id = await integration('kept or passed');
    const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 10, minute));
    const sequence = [
      checkResult(at(0)), // the first: a change from nothing
      checkResult(at(1)),
      checkResult(at(2), down),
      checkResult(at(3), down),
      checkResult(at(4)), // back up
      checkResult(at(5), { status: 'degraded', message: 'slow' }),
      checkResult(at(6)),
      checkResult(at(7)),
    ];
    for (const result of sequence) await store.writeBatch([{ integrationId: id, result }]);
    const kept = async () =>
      (
        await prisma.probeResult.findMany({ where: { integrationId: id }, orderBy: { startedAt: 'asc' } })
      ).map((r) => [r.startedAt.getUTCMinutes(), r.kept]);
    expect(await kept()).toEqual([
      [0, true],
      [1, false],
      [2, true],
      [3, true],
      [4, true],
      [5, true],
      [6, true],
      [7, false],
    ]);

    // Minute 1 is before the cutoff, minute 7 after it: only minute 1 goes.
    expect(await retention.deletePassedBefore(at(6), 10)).toBe(1);
    expect((await kept()).map(([minute]) => minute)).toEqual([0, 2, 3, 4, 5, 6, 7]);
  });

  it("rewrites a day's partition once its passed results are gone, once", async () => {
    const id = await integration('old day');
    const day = new Date('2026-11-21T00:00:00.000Z');
    const results = Array.from({ length: 2000 }, (_, i) => ({
      integrationId: id,
      result: checkResult(new Date(day.getTime() + i * 30_000)),
    }));
    await store.writeBatch(results);
    const size = async () => {
      const [row] = await prisma.$queryRaw<{ bytes: number }[]>`
        SELECT pg_total_relation_size('probe_results_p20261121')::int AS bytes`;
      return row!.bytes;
    };
    const before = await size();
    const passedBefore = new Date('2026-11-22T06:00:00.000Z');
    // Passed results still there: not yet.
    expect(await retention.compactOnePartition(passedBefore)).toBeNull();
    while ((await retention.deletePassedBefore(passedBefore, 500)) > 0);
    // One a call, oldest first (the first test's day among them).
    const rewritten: string[] = [];
    for (let name; (name = await retention.compactOnePartition(passedBefore));) rewritten.push(name);
    expect(rewritten).toContain('probe_results_p20261121');
    expect(await size()).toBeLessThan(before / 2);
    expect(await prisma.probeResult.count({ where: { integrationId: id } })).toBe(1);
  });

  it('merges old rollups into the buckets the trends read, and the trends answer the same', async () => {
    const id = await integration('rollups');
    const now = new Date();
    const start = new Date(Math.floor((now.getTime() - 6 * 3_600_000) / 900_000) * 900_000);
    // Twenty minutes of results, two a minute, one failure, some slower: every minute has its rollup row.
    const entries = Array.from({ length: 40 }, (_, i) => ({
      integrationId: id,
      result: checkResult(new Date(start.getTime() + i * 30_000), {
        totalMs: 20 + (i % 7) * 40,
        ...(i === 13 ? down : {}),
      }),
    }));
    await store.writeBatch(entries);
    const trend = async () => (await monitor.call(`/api/integrations/${id}/trend?window=24h`)).json();
    const rows = () => prisma.resultRollupMinute.count({ where: { integrationId: id } });
    const before = await trend();
    expect(await rows()).toBe(20);

    const [minute] = retentionPlan(now, {
      resultsDays: 7,
      rollupDays: 31,
      successHours: 6,
    }).rollupCompactions;
    await retention.compactRollups('minute', minute!);
    expect(await rows()).toBe(2);
    expect(await trend()).toEqual(before);
    const merged = await prisma.resultRollupMinute.findMany({
      where: { integrationId: id },
      orderBy: { bucketStart: 'asc' },
    });
    expect(
      merged.map((r) => [r.bucketStart.getTime() - start.getTime(), r.probeCount, r.failureCount]),
    ).toEqual([
      [0, 30, 1],
      [900_000, 10, 0],
    ]);
    // Nothing left to merge: a second run changes nothing.
    await retention.compactRollups('minute', minute!);
    expect(await rows()).toBe(2);
  });
});
