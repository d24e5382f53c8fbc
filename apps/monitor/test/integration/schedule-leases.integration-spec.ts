import { PrismaClient } from '@ihm/db';
import { ResultStoreRepository } from '../../src/results/result-store.repository';
import { ScheduleRepository } from '../../src/scheduler/schedule.repository';
import { checkResult } from '../check-result.fixture';
import { startMonitor, type RunningMonitor } from './monitor-app';

const AHEAD = { aheadMs: 300, takeOver: false };

/** The lease queue on a real PostgreSQL: who may claim what, through lapses and give-backs. */
describe('schedule leases', () => {
  let monitor: RunningMonitor;
  let schedules: ScheduleRepository;
  let prisma: PrismaClient;

  beforeAll(async () => {
    monitor = await startMonitor();
    schedules = monitor.app.get(ScheduleRepository);
    prisma = monitor.app.get(PrismaClient);
  });
  afterAll(() => monitor.close());
  beforeEach(async () => {
    await prisma.$executeRaw`DELETE FROM integrations`;
    await prisma.$executeRaw`DELETE FROM scheduler_workers`;
  });

  async function register(count: number, intervalSeconds = 30): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const res = await monitor.call('/api/integrations', {
        method: 'POST',
        json: { name: `lease ${i} ${Math.random()}`, url: 'https://api.example.com/x', intervalSeconds },
      });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    return ids;
  }
  /** Due `inMs` from now (negative: overdue), owned by `owner`, with no run in flight. */
  const setSchedule = (ids: string[], inMs: number, owner: string | null = null) =>
    prisma.$executeRaw`
      UPDATE check_schedules SET next_due_at = now() + make_interval(secs => ${inMs / 1000}),
        lease_owner = ${owner}, lease_expires_at = NULL
      WHERE integration_id = ANY(${ids}::uuid[])`;
  const lapse = (owner: string) =>
    prisma.$executeRaw`UPDATE scheduler_workers SET lease_expires_at = now() - interval '1 second' WHERE id = ${owner}`;
  const claimedIds = async (owner: string, options = AHEAD, limit = 100) =>
    (await schedules.claim(owner, limit, options)).map((c) => c.integrationId).sort();

  it('gives a check registered by itself its first probe within seconds, and spreads a bulk registration', async () => {
    const [single] = await register(1);
    const [row] = await prisma.$queryRaw<{ ms: number }[]>`
      SELECT (extract(epoch FROM s.next_due_at - i.created_at) * 1000)::float8 AS ms
      FROM check_schedules s JOIN integrations i ON i.id = s.integration_id WHERE i.id = ${single}::uuid`;
    expect(row!.ms).toBeLessThan(2100);

    // 60 within the minute are still each by itself; from the 61st on they are a bulk registration.
    const bulk = await register(100);
    const offsets = await prisma.$queryRaw<{ ms: number }[]>`
      SELECT (extract(epoch FROM s.next_due_at - i.created_at) * 1000)::float8 AS ms
      FROM check_schedules s JOIN integrations i ON i.id = s.integration_id
      WHERE i.id = ANY(${bulk.slice(60)}::uuid[])`;
    expect(Math.max(...offsets.map((o) => o.ms))).toBeGreaterThan(5000);
  });

  it('claims what falls due within the margin, and not what falls due later or is in flight', async () => {
    const [running, overdue, soon, later] = await register(4);
    await setSchedule([running!], -2000);
    await setSchedule([overdue!], -1000);
    await setSchedule([soon!], 200);
    await setSchedule([later!], 2000);
    expect(await claimedIds('w-other', AHEAD, 1)).toEqual([running]);
    expect(await claimedIds('w-a')).toEqual([overdue, soon].sort());
  });

  it("leaves another worker's checks alone while its lease holds, and takes them over once it lapsed", async () => {
    const [theirs, mine, nobodys] = await register(3);
    await schedules.renewLease('w-them', 30);
    await schedules.renewLease('w-me', 30);
    await setSchedule([theirs!], -1000, 'w-them');
    await setSchedule([mine!], -1000, 'w-me');
    await setSchedule([nobodys!], -1000);
    expect(await claimedIds('w-me', { aheadMs: 300, takeOver: true })).toEqual([mine, nobodys].sort());

    await lapse('w-them');
    // Lapsed, but the claimer has not been reachable for a lease: the owner may still be writing them.
    expect(await claimedIds('w-me')).toEqual([]);
    expect(await claimedIds('w-me', { aheadMs: 300, takeOver: true })).toEqual([theirs]);
  });

  it('a renewal says whether the lease held through, and how the checks are shared', async () => {
    const ids = await register(6);
    await schedules.renewLease('w-b', 30);
    await setSchedule(ids.slice(0, 4), 10_000, 'w-a');
    expect(await schedules.renewLease('w-a', 30)).toEqual({
      heldThrough: true,
      workers: 2,
      checks: 6,
      owned: 4,
    });
    await lapse('w-a');
    await lapse('w-b');
    expect(await schedules.renewLease('w-a', 30)).toEqual({
      heldThrough: false,
      workers: 1,
      checks: 6,
      owned: 4,
    });
  });

  it('hands the checks due soonest, not yet due, to the live worker furthest below its share', async () => {
    const ids = await register(7);
    for (const worker of ['w-a', 'w-b', 'w-c', 'w-asleep']) await schedules.renewLease(worker, 30);
    // Its lease holds, but it has not renewed for a minute: it may be dying, so it is handed nothing.
    await prisma.$executeRaw`UPDATE scheduler_workers SET renewed_at = now() - interval '1 minute' WHERE id = 'w-asleep'`;
    await setSchedule([ids[0]!], 1000, 'w-a');
    await setSchedule([ids[1]!], 2000, 'w-a');
    await setSchedule([ids[2]!], 3000, 'w-a');
    await setSchedule([ids[3]!], -1000, 'w-a');
    await setSchedule([ids[4]!], 4000, 'w-c');
    await setSchedule([ids[5]!], 5000, 'w-c');
    // Overdue and not in flight: its result may still wait in w-a's buffer, so it stays with w-a.
    await setSchedule([ids[6]!], -500, 'w-a');
    await schedules.claim('w-a', 1, AHEAD);

    // Share 2: w-b lacks 2, w-c none. Three are asked for; w-b takes two, the in-flight and the overdue ones stay.
    const handed = await schedules.handOver('w-a', 3, 2, 12_000);
    expect(handed && { to: handed.to, ids: handed.ids.sort() }).toEqual({
      to: 'w-b',
      ids: [ids[0], ids[1]].sort(),
    });
    expect(await claimedIds('w-a', { aheadMs: 2500, takeOver: false })).toEqual([ids[6]]);
    expect(await claimedIds('w-b', { aheadMs: 2500, takeOver: false })).toEqual([ids[0], ids[1]].sort());
    // Nobody lacks any now: nothing moves.
    expect(await schedules.handOver('w-a', 3, 2, 12_000)).toBeNull();
  });

  it('a retiring worker gives back every check it owns and its lease', async () => {
    const ids = await register(2);
    await schedules.renewLease('w-a', 30);
    await setSchedule(ids, 1000, 'w-a');
    await schedules.retire('w-a');
    const owners = await prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM check_schedules WHERE lease_owner IS NOT NULL`;
    expect(owners[0]!.n).toBe(0);
    expect(await prisma.schedulerWorker.count()).toBe(0);
  });

  it('moves a check to its latest run when one batch holds several of its runs (made while the database was down)', async () => {
    const [id] = await register(1, 10);
    await schedules.renewLease('w-a', 30);
    await setSchedule([id!], -25_000, 'w-a');
    const start = Date.now() - 25_000;
    // Run offline at the start and 10 s and 20 s later: their results wait, and are written in one batch.
    const runs = [0, 10_000, 20_000].map((offset) => ({
      integrationId: id!,
      result: checkResult(new Date(start + offset)),
      schedule: { nextDueAt: new Date(start + offset + 10_000), leaseOwner: 'w-a' },
    }));
    await monitor.app.get(ResultStoreRepository).writeBatch([...runs].reverse());
    const [row] = await prisma.$queryRaw<{ next_due_at: Date; lease_owner: string | null }[]>`
      SELECT next_due_at, lease_owner FROM check_schedules WHERE integration_id = ${id}::uuid`;
    expect(row).toEqual({ next_due_at: new Date(start + 30_000), lease_owner: 'w-a' });
    // So the next claim finds it due when its last run says, not again at once as an earlier run would.
    expect(await claimedIds('w-a')).toEqual([]);

    // An older run written after them (a batch retried late) leaves the check where the newest put it.
    await monitor.app.get(ResultStoreRepository).writeBatch([runs[0]!]);
    const [after] = await prisma.$queryRaw<{ next_due_at: Date }[]>`
      SELECT next_due_at FROM check_schedules WHERE integration_id = ${id}::uuid`;
    expect(after!.next_due_at).toEqual(new Date(start + 30_000));
  });
});
