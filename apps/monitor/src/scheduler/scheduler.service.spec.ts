import { CreateIntegrationRequestSchema, type IntegrationDefinition } from '@ihm/contracts';
import type { ClaimedSilence, SilenceCheck } from './silence-check.service';
import { Logger } from '@nestjs/common';
import type { RuntimeConfig } from '../config/runtime-config';
import type { IntegrationService } from '../integrations/integration.service';
import { MetricsService } from '../metrics/metrics.service';
import type { CheckOrigin } from '../pipeline/check-result';
import type { ResultPipeline } from '../pipeline/result-pipeline';
import type { ProcessLimits } from './probe-capacity';
import type { ClaimOptions, ClaimedCheck, LeaseRenewal, ScheduleRepository } from './schedule.repository';
import { SchedulerService } from './scheduler.service';

/** Ids starting with `hook` are webhook integrations; the others are probed. */
const definition = (name: string): IntegrationDefinition =>
  CreateIntegrationRequestSchema.parse(
    name.startsWith('hook')
      ? { kind: 'webhook', name, webhook: { scheme: 'none', maxSilenceSeconds: 60 } }
      : { name, url: `https://api.example.com/${name}`, intervalSeconds: 30 },
  );

/** Checks the database hands out: `due` are claimable; `down` makes every call fail like an outage. */
class FakeSchedules {
  due: ClaimedCheck[] = [];
  down = false;
  next: Date | null = null;
  lease: Omit<LeaseRenewal, 'heldThrough'> & { heldThrough?: boolean } = { workers: 1, checks: 0, owned: 0 };
  readonly claims: { limit: number; options: ClaimOptions }[] = [];
  readonly released: string[] = [];
  readonly handOvers: { count: number; share: number }[] = [];
  /** What a hand-over moves, first to last. */
  owned: string[] = [];
  readonly retired: string[] = [];
  private up<T>(value: T): Promise<T> {
    return this.down ? Promise.reject(new Error('connection refused')) : Promise.resolve(value);
  }
  claim(_owner: string, limit: number, options: ClaimOptions): Promise<ClaimedCheck[]> {
    if (!this.down) this.claims.push({ limit, options });
    return this.up(this.due.splice(0, limit));
  }
  nextDueAt(): Promise<Date | null> {
    return this.up(this.next);
  }
  renewLease(): Promise<LeaseRenewal> {
    return this.up({ heldThrough: true, ...this.lease });
  }
  handOver(_owner: string, count: number, share: number): Promise<{ to: string; ids: string[] } | null> {
    this.handOvers.push({ count, share });
    return this.up({ to: 'w-other', ids: this.owned.slice(0, count) });
  }
  release(_owner: string, ids: string[]): Promise<void> {
    this.released.push(...ids);
    return this.up(undefined);
  }
  retire(owner: string): Promise<void> {
    this.retired.push(owner);
    return this.up(undefined);
  }
  countDue(): Promise<number> {
    return this.up(this.due.length);
  }
}

/** Runs no probe: each check waits until the test settles it. */
class FakePipeline {
  /** Results its steps hold unwritten. */
  backlog = 0;
  readonly runs: {
    name: string;
    origin: CheckOrigin;
    settle: () => void;
    fail: (error: Error) => void;
    signal: AbortSignal;
    at: number;
  }[] = [];
  run(d: IntegrationDefinition, origin: CheckOrigin, signal: AbortSignal) {
    return new Promise((resolve, fail) => {
      const settle = () => resolve(signal.aborted ? null : { status: 'up' });
      this.runs.push({ name: d.name, origin, settle, fail, signal, at: Date.now() });
    });
  }
}

const ROOMY: ProcessLimits = { openFiles: 1_000_000, heapBytes: 16 * 2 ** 30 };

function scheduler(probeConcurrency: number | null = 2, limits = ROOMY, resultBufferLimit = 50_000) {
  const schedules = new FakeSchedules();
  const pipeline = new FakePipeline();
  const integrations = {
    loaded: [] as string[][],
    getDefinitions: async (ids: string[]) => {
      integrations.loaded.push(ids);
      return new Map(ids.map((id) => [id, definition(id)]));
    },
  };
  const config = {
    env: { role: 'all', probeConcurrency, schedulerLeaseSeconds: 30, resultBufferLimit },
  } as RuntimeConfig;
  const silences: ClaimedSilence[] = [];
  const silenceCheck = {
    run: async (_d: IntegrationDefinition, claimed: ClaimedSilence) => void silences.push(claimed),
  };
  const subject = new SchedulerService(
    config,
    schedules as unknown as ScheduleRepository,
    integrations as unknown as IntegrationService,
    pipeline as unknown as ResultPipeline,
    new MetricsService(),
    silenceCheck as unknown as SilenceCheck,
  );
  subject.prepare(limits);
  return { subject, schedules, pipeline, silences, integrations };
}

const EDITED_AT = new Date('2026-12-01T10:00:00Z');
const due = (id: string, msAgo = 0, updatedAt = EDITED_AT): ClaimedCheck => ({
  integrationId: id,
  dueAt: new Date(Date.now() - msAgo),
  lastDeliveryAt: null,
  createdAt: new Date(Date.now() - 3_600_000),
  updatedAt,
});
const settled = () => new Promise((resolve) => setImmediate(resolve));
const fakeTimers = () => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });

beforeAll(() => Logger.overrideLogger(false));
afterEach(() => jest.useRealTimers());

describe(SchedulerService.name, () => {
  it('loads a claimed definition once, and again only after the integration was edited', async () => {
    const { subject, schedules, pipeline, integrations } = scheduler(10);
    const runAgain = async (...checks: ClaimedCheck[]) => {
      schedules.due = checks;
      await subject.step();
      await settled();
      for (const run of pipeline.runs.splice(0)) run.settle();
      await settled();
    };
    await runAgain(due('a', 60_000), due('b', 60_000));
    await runAgain(due('a'), due('b'), due('c'));
    await runAgain(due('a'), due('b', 0, new Date(EDITED_AT.getTime() + 1)));
    expect(integrations.loaded).toEqual([['a', 'b'], ['c'], ['b']]);
  });

  it('claims no more checks than it has free probe slots, and waits for a slot when all are taken', async () => {
    const { subject, schedules, pipeline } = scheduler(2);
    schedules.due = [due('a'), due('b'), due('c')];
    await subject.step();
    await settled();
    expect(pipeline.runs.map((r) => r.name)).toEqual(['a', 'b']);
    expect(await subject.step()).toBe(1000);
    expect(schedules.claims.map((c) => c.limit)).toEqual([2]);
    pipeline.runs[0]!.settle();
    await settled();
    await subject.step();
    await settled();
    expect(schedules.claims.map((c) => c.limit)).toEqual([2, 1]);
    expect(pipeline.runs.map((r) => r.name)).toEqual(['a', 'b', 'c']);
  });

  it.each([
    [
      'PROBE_CONCURRENCY unset: what the process can hold',
      null,
      { openFiles: 4096, heapBytes: 16 * 2 ** 30 },
      1792,
    ],
    ['PROBE_CONCURRENCY under it: the setting', 300, { openFiles: 4096, heapBytes: 16 * 2 ** 30 }, 300],
    [
      'PROBE_CONCURRENCY over it: what the process can hold',
      5000,
      { openFiles: 1024, heapBytes: 16 * 2 ** 30 },
      384,
    ],
  ])('bounds probes in flight: %s', async (_label, setting, limits, bound) => {
    const { subject, schedules, pipeline } = scheduler(setting, limits);
    schedules.due = Array.from({ length: 2000 }, (_, i) => due(`c${i}`));
    await subject.step();
    await settled();
    expect(pipeline.runs).toHaveLength(bound);
  });

  it('claims batch after batch while they come back full, so a round caps nothing', async () => {
    const { subject, schedules, pipeline } = scheduler(1200);
    schedules.due = Array.from({ length: 1100 }, (_, i) => due(`c${i}`));
    await subject.step();
    await settled();
    // 500 is one batch's most; the third batch asks for the 200 slots left and gets the last 100.
    expect(schedules.claims.map((c) => c.limit)).toEqual([500, 500, 200]);
    expect(pipeline.runs).toHaveLength(1100);
  });

  it('ends the round when claimed checks cannot be loaded, instead of claiming the queue batch after batch', async () => {
    const { subject, schedules, integrations } = scheduler(1200);
    integrations.getDefinitions = async () => Promise.reject(new Error('connection reset'));
    schedules.due = Array.from({ length: 1100 }, (_, i) => due(`c${i}`));
    await subject.step();
    expect(schedules.claims.map((c) => c.limit)).toEqual([500]);
  });

  it('claims a little ahead and starts each check when it falls due, not before', async () => {
    fakeTimers();
    const { subject, schedules, pipeline } = scheduler();
    schedules.due = [due('soon', -250)];
    await subject.step();
    expect(schedules.claims[0]!.options.aheadMs).toBe(300);
    await jest.advanceTimersByTimeAsync(200);
    expect(pipeline.runs).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(60);
    expect(pipeline.runs.map((r) => r.name)).toEqual(['soon']);
  });

  it.each([
    ['the next check falls due in 2 s: sleeps until shortly before it, at most a second', 2000, 1000],
    ['in 600 ms: until 300 ms before it', 600, 300],
    ['now: a short pause, so batches stay batches', 0, 50],
  ])('%s', async (_label, inMs, sleepMs) => {
    fakeTimers();
    const { subject, schedules } = scheduler();
    schedules.next = new Date(Date.now() + inMs);
    expect(await subject.step()).toBe(sleepMs);
  });

  it('runs each claimed check through the pipeline as a scheduled run of its worker', async () => {
    const { subject, schedules, pipeline } = scheduler();
    schedules.due = [due('a', 100)];
    await subject.step();
    await settled();
    const [run] = pipeline.runs;
    expect(run!.origin).toMatchObject({
      kind: 'scheduled',
      integrationId: 'a',
      schedule: { leaseOwner: subject.workerId },
    });
    // On time (100 ms late): the next run keeps the cadence, one interval after it fell due.
    const { schedule } = run!.origin as Extract<CheckOrigin, { kind: 'scheduled' }>;
    expect(schedule.nextDueAt.getTime() - (Date.now() - 100)).toBeLessThanOrEqual(30_000);
  });

  it('hands a webhook integration to the silence check with its lease, and probes nothing for it', async () => {
    const { subject, schedules, pipeline, silences } = scheduler();
    schedules.due = [due('hook-1'), due('a')];
    await subject.step();
    await settled();
    expect(pipeline.runs.map((r) => r.name)).toEqual(['a']);
    expect(silences).toEqual([
      expect.objectContaining({ integrationId: 'hook-1', leaseOwner: subject.workerId }),
    ]);
  });

  it('does not run again a check whose result is still waiting to be written (its row is behind)', async () => {
    const { subject, schedules, pipeline } = scheduler();
    const first = due('a', 100);
    schedules.due = [first];
    await subject.step();
    await settled();
    pipeline.runs[0]!.settle();
    await settled();
    schedules.due = [first];
    await subject.step();
    await settled();
    expect(pipeline.runs).toHaveLength(1);
  });

  it('takes over lapsed leases only once it has reached the database for a whole lease', async () => {
    fakeTimers();
    const { subject, schedules } = scheduler();
    await subject.step();
    jest.advanceTimersByTime(29_000);
    await subject.step();
    jest.advanceTimersByTime(1_000);
    await subject.step();
    // Cut off, then back: a lease from its return, or an owner cut off with it might still hold its checks.
    schedules.down = true;
    await subject.step();
    schedules.down = false;
    jest.advanceTimersByTime(5_000);
    await subject.step();
    expect(schedules.claims.map((c) => c.options.takeOver)).toEqual([false, false, true, false]);
  });

  it('claims only while the results it holds, in flight or unwritten, stay under its slots and 10,000 more', async () => {
    const { subject, schedules, pipeline } = scheduler(1000);
    schedules.due = Array.from({ length: 600 }, (_, i) => due(`c${i}`));
    pipeline.backlog = 11_000;
    expect(await subject.step()).toBe(100);
    expect(schedules.claims).toEqual([]);
    pipeline.backlog = 10_800;
    await subject.step();
    await settled();
    expect(schedules.claims.map((c) => c.limit)).toEqual([200]);
    pipeline.backlog = 0;
    await subject.step();
    await settled();
    expect(schedules.claims.map((c) => c.limit)).toEqual([200, 500]);
    expect(pipeline.runs).toHaveLength(600);
  });

  it('holds back at most half of RESULT_BUFFER_LIMIT, so a small buffer is not overrun', async () => {
    const setup = scheduler(1000);
    const small = scheduler(1000, ROOMY, 1000);
    for (const { subject, schedules, pipeline } of [setup, small]) {
      schedules.due = Array.from({ length: 600 }, (_, i) => due(`c${i}`));
      pipeline.backlog = 400;
      await subject.step();
    }
    expect(setup.schedules.claims.map((c) => c.limit)).toEqual([500, 500]);
    expect(small.schedules.claims.map((c) => c.limit)).toEqual([100]);
  });

  describe('while the database is unreachable', () => {
    async function ownerOf(ids: string[]) {
      const setup = scheduler(10);
      await setup.subject.renewal();
      setup.schedules.due = ids.map((id) => due(id));
      await setup.subject.step();
      await settled();
      for (const run of setup.pipeline.runs) run.settle();
      await settled();
      setup.schedules.down = true;
      setup.schedules.due = [due('claimed-by-others')];
      return setup;
    }

    it('runs only the checks it owns, when they fall due, as their owner', async () => {
      fakeTimers();
      const { subject, pipeline } = await ownerOf(['mine']);
      await subject.step();
      expect(pipeline.runs).toHaveLength(1);
      jest.setSystemTime(Date.now() + 20_000);
      await subject.step();
      expect(pipeline.runs).toHaveLength(1);
      jest.setSystemTime(Date.now() + 10_000);
      await subject.step();
      expect(pipeline.runs.map((r) => r.name)).toEqual(['mine', 'mine']);
      expect(pipeline.runs[1]!.origin).toMatchObject({ schedule: { leaseOwner: subject.workerId } });
    });

    it('stops before its lease would lapse, when another worker may take its checks over', async () => {
      fakeTimers();
      const { subject, pipeline } = await ownerOf(['mine']);
      jest.advanceTimersByTime(28_500);
      await subject.step();
      expect(pipeline.runs).toHaveLength(1);
    });

    it('runs the checks it owns while the backlog holds claims back', async () => {
      fakeTimers();
      const { subject, pipeline } = await ownerOf(['mine']);
      pipeline.backlog = 20_000;
      jest.setSystemTime(Date.now() + 30_000);
      expect(await subject.step()).toBe(200);
      expect(pipeline.runs.map((r) => r.name)).toEqual(['mine', 'mine']);
    });

    it('runs nothing when it never had a lease', async () => {
      const { subject, schedules, pipeline } = scheduler();
      schedules.down = true;
      await subject.renewal();
      await subject.step();
      expect(pipeline.runs).toHaveLength(0);
    });
  });

  it('hands over what it owns beyond its share for two renewals in a row, and does not run those while cut off', async () => {
    fakeTimers();
    const { subject, schedules, pipeline } = scheduler(100);
    schedules.due = Array.from({ length: 90 }, (_, i) => due(`c${i}`));
    await subject.step();
    for (const run of pipeline.runs) run.settle();
    await settled();
    schedules.lease = { workers: 3, checks: 90, owned: 90 };
    schedules.owned = Array.from({ length: 90 }, (_, i) => `c${i}`);
    // Once is a passing imbalance (a takeover); twice in a row, a lasting one.
    await subject.renewal();
    expect(schedules.handOvers).toEqual([]);
    await subject.renewal();
    expect(schedules.handOvers).toEqual([{ count: 60, share: 30 }]);
    schedules.down = true;
    jest.setSystemTime(Date.now() + 30_000);
    await subject.step();
    expect(pipeline.runs.slice(90)).toHaveLength(30);
  });

  it('forgets what it owned when its lease had lapsed: another worker may have taken it over', async () => {
    fakeTimers();
    const { subject, schedules, pipeline } = scheduler();
    await subject.renewal();
    schedules.due = [due('mine')];
    await subject.step();
    pipeline.runs[0]!.settle();
    await settled();
    schedules.lease = { heldThrough: false, workers: 1, checks: 1, owned: 1 };
    await subject.renewal();
    schedules.down = true;
    jest.setSystemTime(Date.now() + 30_000);
    await subject.step();
    expect(pipeline.runs).toHaveLength(1);
  });

  it('looks at the schedule again once a silence check is done, rather than sleeping through what it moved', async () => {
    fakeTimers();
    const { subject, schedules } = scheduler();
    schedules.due = [due('hook-1')];
    subject.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(100);
    // Nothing else was due (the round would sleep its longest, 1 s), but the finished check cut it short.
    expect(schedules.claims).toHaveLength(2);
    const stopping = subject.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(1_000);
    await stopping;
  });

  it('on shutdown, gives back at once what has not started, cancels what still runs after the grace period, and retires', async () => {
    fakeTimers();
    const { subject, schedules, pipeline } = scheduler();
    schedules.due = [due('slow'), due('later', -250)];
    await subject.step();
    await jest.advanceTimersByTimeAsync(0);
    expect(pipeline.runs.map((r) => r.name)).toEqual(['slow']);
    const stopping = subject.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(3_100);
    await stopping;
    expect(pipeline.runs.map((r) => r.name)).toEqual(['slow']);
    expect(pipeline.runs[0]!.signal.aborted).toBe(true);
    expect(schedules.released.sort()).toEqual(['later', 'slow']);
    expect(schedules.retired).toEqual([subject.workerId]);
  });

  it('logs a check that fails while it runs, not one called off at shutdown whose probe thread was stopped', async () => {
    fakeTimers();
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const { subject, schedules, pipeline } = scheduler();
    schedules.due = [due('broken'), due('slow')];
    await subject.step();
    await jest.advanceTimersByTimeAsync(0);
    pipeline.runs[0]!.fail(new Error('the prober threw'));
    await jest.advanceTimersByTimeAsync(0);
    expect(errors.mock.calls.map(([message]) => String(message))).toEqual([
      expect.stringContaining('Check of broken failed unexpectedly: Error: the prober threw'),
    ]);
    const stopping = subject.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(3_100);
    await stopping;
    pipeline.runs[1]!.fail(new Error('probe thread 0 exited with 1'));
    await jest.advanceTimersByTimeAsync(0);
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
  });
});
