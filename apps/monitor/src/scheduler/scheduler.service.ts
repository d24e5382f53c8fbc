import type { HttpIntegrationDefinition, IntegrationDefinition } from '@ihm/contracts';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { KEEP_FOR_RESULTS_MS, shutdownClock } from '../common/shutdown-clock';
import { workerId } from '../common/worker-id';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { IntegrationService } from '../integrations/integration.service';
import { MetricsService } from '../metrics/metrics.service';
import { ResultPipeline } from '../pipeline/result-pipeline';
import { SilenceCheck } from './silence-check.service';
import { probeCapacity, processLimits, type ProcessLimits } from './probe-capacity';
import { nextDueAt } from './schedule';
import { ScheduleRepository, type ClaimedCheck } from './schedule.repository';

/** Checks are claimed this far ahead of their due time and started on it, so a claim's round trip costs no lag. */
const CLAIM_AHEAD_MS = 300;
const MAX_CLAIM = 500;
/** Between claims the scheduler sleeps until the next check falls due, at least this long (batches stay batches). */
const MIN_SLEEP_MS = 50;
/** ...and at most this long, so a check registered meanwhile, or a lease taken over, waits no longer. */
const MAX_SLEEP_MS = 1000;
/** While the database is unreachable, the checks this worker owns are looked at this often. */
const OFFLINE_STEP_MS = 200;
/** A worker cut off from the database stops running its checks this long before its lease would lapse. */
const OFFLINE_MARGIN_MS = 2000;
/**
 * Results a worker holds, in flight or waiting to be written or evaluated, are kept under every probe slot and
 * this many more, and under half of RESULT_BUFFER_LIMIT: past it no more checks are claimed, so a database slower
 * than the probes makes checks late, never results dropped.
 */
const MAX_BACKLOG = 10_000;
/** Held back by the backlog, the scheduler looks again this soon (the writer writes every 250 ms or sooner). */
const BACKLOG_STEP_MS = 100;
/** A held-back scheduler says so at most this often. */
const BACKLOG_WARN_EVERY_MS = 60_000;
/** On SIGTERM, in-flight probes get this long to finish; the rest are released to other workers. */
const SHUTDOWN_GRACE_MS = 3000;
/**
 * A worker owning more than its share by this much (and a tenth of it) at two renewals in a row hands the excess to
 * a worker below its share: only an imbalance that lasts (a worker joined), not the passing one of a takeover, is
 * evened out, since a check handed over is run by neither worker through an outage until its new owner claims it.
 */
const HAND_OVER_SLACK = 10;
/** How often a worker renews its lease. */
const RENEW_EVERY_MS = 5000;
/** A worker that has not renewed for this long is not handed checks (it may be dead, its lease not lapsed yet). */
const RECIPIENT_RENEWED_WITHIN_MS = 2 * RENEW_EVERY_MS + 2000;

interface OwnedCheck {
  definition: HttpIntegrationDefinition;
  /** The integration's updatedAt that `definition` was loaded at: claimed again unedited, it is not loaded again. */
  editedAt: number;
  nextDueAt: Date;
}

/**
 * Decides what is due: claims checks from Postgres shortly before they fall due (SKIP LOCKED, leases), starts
 * each on time through the result pipeline, and sleeps until the next one; the number in flight is bounded by
 * what the process can hold (PROBE_CONCURRENCY caps it further). A check belongs to the worker that runs it for
 * as long as that worker renews its lease, so while the database is unreachable each worker goes on running the
 * checks it owns, and only those, and their results wait in the writer's buffer.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  readonly workerId = workerId();
  private readonly inflight = new Map<string, AbortController>();
  /** Claimed ahead of their due time and not started yet: on shutdown they go back at once. */
  private readonly waiting = new Set<string>();
  private readonly owned = new Map<string, OwnedCheck>();
  private concurrency = 0;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** The last round stopped because every slot was taken: a probe that finishes wakes the next round. */
  private waitingForSlots = false;
  /** A schedule moved during this round (a silence check rescheduled itself): the round sleeps no longer than it must. */
  private moved = false;
  private offline = false;
  /** performance.now() of the last renewal the database confirmed (its start: the lease counts from no earlier). */
  private renewedAt: number | null = null;
  /** Since when this worker has reached the database without a break: lapsed leases are taken over a lease later. */
  private reachableSince = performance.now();
  /** The excess over its share this worker owned at the last renewal. */
  private lastExcess = 0;
  private maxHeld = MAX_BACKLOG;
  private backlogWarnedAt = -Infinity;

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly schedules: ScheduleRepository,
    private readonly integrations: IntegrationService,
    private readonly pipeline: ResultPipeline,
    private readonly metrics: MetricsService,
    private readonly silences: SilenceCheck,
  ) {}

  private get leaseMs(): number {
    return this.config.env.schedulerLeaseSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    if (this.config.env.role === 'api') return;
    this.prepare(processLimits());
    this.loop = this.renew().then(() => this.pump());
  }

  /** Bounds the probes in flight by what a process with these limits can hold, and PROBE_CONCURRENCY. */
  prepare(limits: ProcessLimits): void {
    const capacity = probeCapacity(limits);
    const cap = this.config.env.probeConcurrency;
    this.concurrency = cap === null ? capacity : Math.min(cap, capacity);
    this.maxHeld = Math.min(
      this.concurrency + MAX_BACKLOG,
      Math.floor(this.config.env.resultBufferLimit / 2),
    );
    this.running = true;
    this.logger.log(
      `Worker ${this.workerId} probing up to ${this.concurrency} at once` +
        (cap !== null && cap > capacity
          ? ` (PROBE_CONCURRENCY=${cap} is more than this process can hold)`
          : ''),
    );
  }

  /** Claims and starts due checks until stopped; each step says how long to wait before the next. */
  private async pump(): Promise<void> {
    while (this.running) {
      const waitMs = await this.step().catch((error: unknown) => {
        this.logger.error(
          `Scheduling step failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        return MAX_SLEEP_MS;
      });
      if (this.running && waitMs > 0) await this.sleep(waitMs);
    }
  }

  /**
   * One round: claims batch after batch while they come back full, slots are free and the results before them are
   * being written, then says how long to sleep (until the next check falls due, a slot frees or the backlog
   * shrinks). While the database is unreachable, runs owned checks.
   */
  async step(): Promise<number> {
    this.waitingForSlots = false;
    this.moved = false;
    for (;;) {
      const free = this.concurrency - this.inflight.size;
      if (free <= 0) {
        this.waitingForSlots = true;
        return MAX_SLEEP_MS;
      }
      const room = this.maxHeld - this.inflight.size - this.pipeline.backlog;
      if (room <= 0) {
        // Held back, it claims nothing, so it asks whether the database is there: offline, owned checks run.
        if (
          await this.schedules.nextDueAt().then(
            () => true,
            () => false,
          )
        ) {
          this.cameBack();
          this.warnHeldBack();
          return BACKLOG_STEP_MS;
        }
        this.goOffline();
        this.runOwnedOffline(free);
        return OFFLINE_STEP_MS;
      }
      const limit = Math.min(free, room, MAX_CLAIM);
      const outcome = await this.claimBatch(limit);
      if (outcome === 'offline') {
        this.runOwnedOffline(free);
        return OFFLINE_STEP_MS;
      }
      if (outcome !== limit) break;
    }
    const next = await this.schedules.nextDueAt().catch(() => null);
    const untilDue = next ? next.getTime() - Date.now() - CLAIM_AHEAD_MS : MAX_SLEEP_MS;
    return Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, untilDue));
  }

  /** Claims up to `limit` checks and starts them; how many it claimed, or 'offline'. */
  private async claimBatch(limit: number): Promise<number | 'offline'> {
    let claimed;
    try {
      const takeOver = !this.offline && performance.now() - this.reachableSince >= this.leaseMs;
      claimed = await this.schedules.claim(this.workerId, limit, { aheadMs: CLAIM_AHEAD_MS, takeOver });
    } catch {
      this.goOffline();
      return 'offline';
    }
    this.cameBack();
    if (claimed.length === 0) return 0;
    const definitions = await this.definitionsOf(claimed).catch((error: unknown) => {
      this.logger.error(
        `Could not load claimed integrations: ${error instanceof Error ? error.message : String(error)}`,
      );
      return null;
    });
    // A failed load ends the round (0), so it never takes the queue's leases batch after batch.
    if (!definitions) return 0;
    for (const check of claimed) this.start(check, definitions);
    return claimed.length;
  }

  /** The claimed checks' definitions: those this worker holds unedited since, and the others loaded. */
  private async definitionsOf(claimed: ClaimedCheck[]): Promise<Map<string, IntegrationDefinition>> {
    const definitions = new Map<string, IntegrationDefinition>();
    const toLoad: string[] = [];
    for (const { integrationId, updatedAt } of claimed) {
      const known = this.owned.get(integrationId);
      if (known && known.editedAt === updatedAt.getTime()) definitions.set(integrationId, known.definition);
      else toLoad.push(integrationId);
    }
    if (toLoad.length > 0)
      for (const [id, definition] of await this.integrations.getDefinitions(toLoad))
        definitions.set(id, definition);
    return definitions;
  }

  private start(check: ClaimedCheck, definitions: Map<string, IntegrationDefinition>): void {
    const definition = definitions.get(check.integrationId);
    const known = this.owned.get(check.integrationId);
    // Run already, its result still in the writer's buffer: the row is behind, not the check.
    if (this.inflight.has(check.integrationId) || (known && known.nextDueAt > check.dueAt)) return;
    if (definition?.kind === 'http')
      this.run(check.integrationId, definition, check.dueAt, check.updatedAt.getTime());
    else if (definition?.kind === 'webhook')
      this.silences
        .run(definition, { ...check, leaseOwner: this.workerId })
        .catch((error: unknown) =>
          this.logger.error(`Silence check of ${check.integrationId} failed: ${String(error)}`),
        )
        .finally(() => this.scheduleMoved());
  }

  private cameBack(): void {
    if (!this.offline) return;
    this.offline = false;
    this.reachableSince = performance.now();
    this.logger.log('Database reachable again: claiming checks from it');
  }

  private warnHeldBack(): void {
    const now = performance.now();
    if (now - this.backlogWarnedAt < BACKLOG_WARN_EVERY_MS) return;
    this.backlogWarnedAt = now;
    this.logger.warn(
      `${this.pipeline.backlog} result(s) wait to be written or evaluated, ${this.inflight.size} probe(s) are in ` +
        `flight (at most ${this.maxHeld} in all): no checks are claimed until the database catches up, so ` +
        'checks start late',
    );
  }

  private goOffline(): void {
    if (!this.offline)
      this.logger.warn(
        `Database unreachable: running the ${this.owned.size} check(s) this worker owns while its lease lasts`,
      );
    this.offline = true;
  }

  /** Only while this worker's lease surely holds: after that, another worker may have taken its checks over. */
  private runOwnedOffline(free: number): void {
    if (this.renewedAt === null || performance.now() > this.renewedAt + this.leaseMs - OFFLINE_MARGIN_MS)
      return;
    const now = Date.now();
    let started = 0;
    for (const [id, check] of this.owned) {
      if (started >= free) break;
      if (check.nextDueAt.getTime() <= now && !this.inflight.has(id)) {
        this.run(id, check.definition, check.nextDueAt, check.editedAt);
        started += 1;
      }
    }
  }

  private run(
    integrationId: string,
    definition: HttpIntegrationDefinition,
    dueAt: Date,
    editedAt: number,
  ): void {
    const controller = new AbortController();
    this.inflight.set(integrationId, controller);
    this.metrics.probesInFlight.set(this.inflight.size);
    this.waiting.add(integrationId);
    this.whenDue(dueAt, controller.signal)
      .then(() => {
        this.waiting.delete(integrationId);
        if (controller.signal.aborted) return;
        const startedAt = new Date();
        this.metrics.schedulerLag.observe(Math.max(0, (startedAt.getTime() - dueAt.getTime()) / 1000));
        const next = nextDueAt(dueAt, startedAt, definition.intervalSeconds);
        const schedule = { nextDueAt: next, leaseOwner: this.workerId };
        // Owned from its start, whatever the steps after the probe meet (a database that went away mid-run): the
        // claim made it this worker's, and offline it must run again on time.
        this.owned.set(integrationId, { definition, editedAt, nextDueAt: next });
        return this.pipeline.run(
          definition,
          { kind: 'scheduled', integrationId, schedule },
          controller.signal,
        );
      })
      .catch((error: unknown) => {
        // Called off (shutdown), its probe thread may be stopped under it: the check was released, not failed.
        if (!controller.signal.aborted)
          this.logger.error(`Check of ${integrationId} failed unexpectedly: ${String(error)}`);
      })
      .finally(() => {
        this.inflight.delete(integrationId);
        this.metrics.probesInFlight.set(this.inflight.size);
        // Slots are free: claim again once a twentieth of them are (not one claim per finished probe).
        if (
          this.waitingForSlots &&
          this.concurrency - this.inflight.size >= Math.max(1, this.concurrency / 20)
        )
          this.wake?.();
      });
  }

  /** Resolves at `dueAt` (claimed ahead of time) or at once when it has passed or the run is called off. */
  private whenDue(dueAt: Date, signal: AbortSignal): Promise<void> {
    const ms = dueAt.getTime() - Date.now();
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }

  /**
   * A silence check may move its schedule (a delivery came first) after this round read the next due time without
   * it: the sleep under way ends, or the next one is short, and the next round reads it again.
   */
  private scheduleMoved(): void {
    this.moved = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.moved ? MIN_SLEEP_MS : ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }

  /**
   * Renews this worker's lease, and hands what it owns beyond its share of the checks to a worker below its share,
   * so that the work spreads over the workers there are (a worker that joins takes up what others hand it).
   */
  @Interval(RENEW_EVERY_MS)
  async renewal(): Promise<void> {
    if (this.running) await this.renew();
  }

  private async renew(): Promise<void> {
    const startedAt = performance.now();
    try {
      const lease = await this.schedules.renewLease(this.workerId, this.config.env.schedulerLeaseSeconds);
      this.renewedAt = startedAt;
      // Lapsed meanwhile: what this worker knew it owned may be another's now; it learns again by claiming.
      if (!lease.heldThrough) this.owned.clear();
      this.forgetStale();
      const share = Math.ceil(lease.checks / lease.workers);
      const excess = lease.owned - share;
      const lasting = Math.min(excess, this.lastExcess);
      this.lastExcess = excess;
      if (lasting > Math.max(HAND_OVER_SLACK, share * 0.1)) {
        const handed = await this.schedules.handOver(
          this.workerId,
          Math.min(lasting, MAX_CLAIM),
          share,
          RECIPIENT_RENEWED_WITHIN_MS,
        );
        if (handed) {
          for (const id of handed.ids) this.owned.delete(id);
          this.logger.log(
            `Handed ${handed.ids.length} check(s) to worker ${handed.to}, which had fewer than its share`,
          );
        }
      }
    } catch {
      // Unreachable: the claims notice and say so; the lease runs down from the last renewal.
    }
  }

  /**
   * Owned checks run again by their next due time plus their timeout; one an interval overdue while the database
   * answers is no longer this worker's to run (paused, deleted, handed over or taken over).
   */
  private forgetStale(): void {
    const now = Date.now();
    for (const [id, check] of this.owned)
      if (check.nextDueAt.getTime() + check.definition.intervalSeconds * 1000 < now && !this.inflight.has(id))
        this.owned.delete(id);
  }

  @Interval(60 * 60_000)
  async housekeeping(): Promise<void> {
    if (this.running) await this.schedules.forgetLapsedWorkers().catch(() => undefined);
  }

  @Interval(5000)
  async measureQueue(): Promise<void> {
    if (!this.running) return;
    await this.schedules.countDue().then(
      (n) => this.metrics.queueDepth.set(n),
      () => undefined,
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    this.wake?.();
    await this.loop;
    const notStarted = [...this.waiting];
    for (const id of notStarted) this.inflight.get(id)?.abort();
    const deadline = shutdownClock.endOf(SHUTDOWN_GRACE_MS, KEEP_FOR_RESULTS_MS);
    while (this.inflight.size > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const unfinished = [...notStarted, ...this.inflight.keys()];
    for (const controller of this.inflight.values()) controller.abort();
    await this.schedules.release(this.workerId, unfinished).catch(() => undefined);
    if (unfinished.length)
      this.logger.log(`Released ${unfinished.length} unstarted or unfinished check(s) to other workers`);
    // Every owned check goes back with the lease, so others take them over at once; a result still in the writer's
    // buffer finds no lease of this worker's when it is written, and leaves its check to whoever claims it.
    await this.schedules.retire(this.workerId).catch(() => undefined);
  }
}
