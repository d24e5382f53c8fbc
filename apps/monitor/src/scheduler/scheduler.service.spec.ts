import { CreateIntegrationRequestSchema, type IntegrationDefinition } from '@ihm/contracts';
import type { ClaimedSilence, SilenceCheck } from './silence-check.service';
import { Logger } from '@nestjs/common';
import type { RuntimeConfig } from '../config/runtime-config';
import type { IntegrationService } from '../integrations/integration.service';
import { MetricsService } from '../metrics/metrics.service';
import type { CheckOrigin } from '../pipeline/check-result';
import type { ResultPipeline } from '../pipeline/result-pipeline';
import type { ResultWriter } from '../results/result-writer.service';
import type { ClaimedCheck, ScheduleRepository } from './schedule.repository';
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
  readonly claims: number[] = [];
  readonly released: string[] = [];
  async claim(_owner: string, limit: number): Promise<ClaimedCheck[]> {
    if (this.down) throw new Error('connection refused');
    this.claims.push(limit);
    return this.due.splice(0, limit);
  }
  async release(_owner: string, ids: string[]): Promise<void> {
    this.released.push(...ids);
  }
  async countDue(): Promise<number> {
    return this.due.length;
  }
}

/** Runs no probe: each check waits until the test settles it. */
class FakePipeline {
  readonly runs: { name: string; origin: CheckOrigin; settle: () => void; signal: AbortSignal }[] = [];
  run(d: IntegrationDefinition, origin: CheckOrigin, signal: AbortSignal) {
    return new Promise((resolve) => {
      const settle = () => resolve(signal.aborted ? null : { status: 'up' });
      this.runs.push({ name: d.name, origin, settle, signal });
    });
  }
}

function scheduler(probeConcurrency = 2) {
  const schedules = new FakeSchedules();
  const pipeline = new FakePipeline();
  const flushes: number[] = [];
  const writer = { pending: 0, flush: async () => void flushes.push(Date.now()) };
  const integrations = {
    getDefinitions: async (ids: string[]) => new Map(ids.map((id) => [id, definition(id)])),
  };
  const config = { env: { role: 'all', probeConcurrency } } as RuntimeConfig;
  const silences: ClaimedSilence[] = [];
  const silenceCheck = {
    run: async (_d: IntegrationDefinition, claimed: ClaimedSilence) => void silences.push(claimed),
  };
  const subject = new SchedulerService(
    config,
    schedules as unknown as ScheduleRepository,
    integrations as unknown as IntegrationService,
    pipeline as unknown as ResultPipeline,
    writer as unknown as ResultWriter,
    new MetricsService(),
    silenceCheck as unknown as SilenceCheck,
  );
  subject.onApplicationBootstrap();
  return { subject, schedules, pipeline, writer, flushes, silences, integrations };
}

const due = (id: string, msAgo = 0): ClaimedCheck => ({
  integrationId: id,
  dueAt: new Date(Date.now() - msAgo),
  lastDeliveryAt: null,
  createdAt: new Date(Date.now() - 3_600_000),
});
const settled = () => new Promise((resolve) => setImmediate(resolve));

beforeAll(() => Logger.overrideLogger(false));

describe(SchedulerService.name, () => {
  it('claims no more checks than it has free probe slots', async () => {
    const { subject, schedules, pipeline } = scheduler(2);
    schedules.due = [due('a'), due('b'), due('c')];
    await subject.tick();
    expect(pipeline.runs.map((r) => r.name)).toEqual(['a', 'b']);
    await subject.tick();
    expect(schedules.claims).toEqual([2]);
    pipeline.runs[0]!.settle();
    await settled();
    await subject.tick();
    expect(schedules.claims).toEqual([2, 1]);
    expect(pipeline.runs.map((r) => r.name)).toEqual(['a', 'b', 'c']);
  });

  it('claims batch after batch in one tick while batches come back full, so a tick caps nothing', async () => {
    const { subject, schedules, pipeline } = scheduler(1200);
    schedules.due = Array.from({ length: 1100 }, (_, i) => due(`c${i}`));
    await subject.tick();
    // 500 is one batch's most; the third batch asks for the 200 slots left and gets the last 100.
    expect(schedules.claims).toEqual([500, 500, 200]);
    expect(pipeline.runs).toHaveLength(1100);
  });

  it('ends the tick when claimed checks cannot be loaded, instead of claiming the queue batch after batch', async () => {
    const { subject, schedules, integrations } = scheduler(1200);
    integrations.getDefinitions = async () => Promise.reject(new Error('connection reset'));
    schedules.due = Array.from({ length: 1100 }, (_, i) => due(`c${i}`));
    await subject.tick();
    expect(schedules.claims).toEqual([500]);
  });

  it('writes buffered results once a tick, before its first batch, leaving the rest to the writer', async () => {
    const { subject, schedules, writer, flushes } = scheduler(1200);
    writer.pending = 3;
    schedules.due = Array.from({ length: 1100 }, (_, i) => due(`c${i}`));
    await subject.tick();
    expect(schedules.claims).toHaveLength(3);
    expect(flushes).toHaveLength(1);
  });

  it('runs each claimed check through the pipeline as a scheduled run holding its lease', async () => {
    const { subject, schedules, pipeline } = scheduler();
    schedules.due = [due('a', 100)];
    await subject.tick();
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
    await subject.tick();
    expect(pipeline.runs.map((r) => r.name)).toEqual(['a']);
    expect(silences).toEqual([
      expect.objectContaining({ integrationId: 'hook-1', leaseOwner: subject.workerId }),
    ]);
  });

  it("writes buffered results (and their schedule changes) before claiming, so a run isn't claimed twice", async () => {
    const { subject, writer, flushes, schedules } = scheduler();
    writer.pending = 3;
    await subject.tick();
    expect(flushes).toHaveLength(1);
    expect(schedules.claims).toHaveLength(1);
  });

  it('while the database is unreachable, runs only the checks it ran before, when they fall due again', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] });
    try {
      const { subject, schedules, pipeline } = scheduler();
      schedules.due = [due('known')];
      await subject.tick();
      pipeline.runs[0]!.settle();
      await settled();
      schedules.down = true;
      schedules.due = [due('claimed-by-others')];
      await subject.tick();
      expect(pipeline.runs).toHaveLength(1);
      jest.setSystemTime(Date.now() + 30_000);
      await subject.tick();
      expect(pipeline.runs.map((r) => r.name)).toEqual(['known', 'known']);
      // Run without a lease: the schedule change it carries must not override another worker's claim.
      expect(pipeline.runs[1]!.origin).toMatchObject({ kind: 'scheduled', schedule: { leaseOwner: null } });
    } finally {
      jest.useRealTimers();
    }
  });

  it('on shutdown, cancels what is still running after the grace period and releases it to other workers', async () => {
    const { subject, schedules, pipeline } = scheduler();
    schedules.due = [due('slow')];
    await subject.tick();
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const stopping = subject.beforeApplicationShutdown();
    await jest.advanceTimersByTimeAsync(3_100);
    await stopping;
    jest.useRealTimers();
    expect(pipeline.runs[0]!.signal.aborted).toBe(true);
    expect(schedules.released).toEqual(['slow']);
  });
});
