import type { HttpIntegrationDefinition, IntegrationDefinition } from '@ihm/contracts';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { workerId } from '../common/worker-id';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { IntegrationService } from '../integrations/integration.service';
import { MetricsService } from '../metrics/metrics.service';
import { ResultPipeline } from '../pipeline/result-pipeline';
import { ResultWriter } from '../results/result-writer.service';
import { SilenceCheck } from './silence-check.service';
import { nextDueAt } from './schedule';
import { ScheduleRepository } from './schedule.repository';

/** Short enough that a check starts well within a second of falling due. */
const TICK_MS = 200;
const MAX_CLAIM = 500;
/** On SIGTERM, in-flight probes get this long to finish; the rest are released to other workers. */
const SHUTDOWN_GRACE_MS = 3000;
/** How long a check this worker ran stays known for running it while the database is unreachable. */
const KNOWN_FOR_MS = 10 * 60_000;

interface KnownCheck {
  definition: HttpIntegrationDefinition;
  nextDueAt: Date;
  lastRunAt: number;
}

/**
 * Decides what is due: claims due checks from Postgres (leases, SKIP LOCKED) and starts each through the result
 * pipeline, with bounded concurrency. While the database is unreachable it keeps running the checks it already
 * ran, on their own schedule, so that probing goes on and the results wait in the writer's buffer.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  readonly workerId = workerId();
  private readonly inflight = new Map<string, AbortController>();
  private readonly known = new Map<string, KnownCheck>();
  private running = false;
  private ticking = false;
  private offline = false;

  constructor(
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
    private readonly schedules: ScheduleRepository,
    private readonly integrations: IntegrationService,
    private readonly pipeline: ResultPipeline,
    private readonly writer: ResultWriter,
    private readonly metrics: MetricsService,
    private readonly silences: SilenceCheck,
  ) {}

  onApplicationBootstrap(): void {
    this.running = this.config.env.role !== 'api';
    if (this.running)
      this.logger.log(`Worker ${this.workerId} probing with concurrency ${this.config.env.probeConcurrency}`);
  }

  @Interval(TICK_MS)
  async tick(): Promise<void> {
    if (!this.running || this.ticking) return;
    this.ticking = true;
    try {
      await this.claimAndRun();
    } finally {
      this.ticking = false;
    }
  }

  @Interval(5000)
  async measureQueue(): Promise<void> {
    if (!this.running) return;
    await this.schedules.countDue().then(
      (n) => this.metrics.queueDepth.set(n),
      () => undefined,
    );
  }

  /**
   * Claims until a batch comes back short of what was asked or no slot is free: a tick is not a cap, so the
   * throughput follows the work (bounded by PROBE_CONCURRENCY and the targets' latency), not five batches a second.
   */
  private async claimAndRun(): Promise<void> {
    let first = true;
    while (this.running && (await this.claimBatch(first))) first = false;
  }

  /**
   * One claim of due checks for the free slots, started at once; true when the batch was full and every claimed
   * check could be loaded (a failed load ends the tick, so it never takes the queue's leases batch after batch).
   */
  private async claimBatch(first: boolean): Promise<boolean> {
    const free = this.config.env.probeConcurrency - this.inflight.size;
    if (free <= 0) return false;
    const limit = Math.min(free, MAX_CLAIM);
    let claimed;
    try {
      // Buffered schedule changes go first (once a tick: later batches leave the writer its batching), so a check
      // run offline is not claimed again as if it were due.
      if (first && this.writer.pending > 0) await this.writer.flush();
      claimed = await this.schedules.claim(this.workerId, limit);
      if (this.offline) this.logger.log('Database reachable again: claiming checks from it');
      this.offline = false;
    } catch {
      if (!this.offline)
        this.logger.warn(`Database unreachable: running the ${this.known.size} check(s) this worker knows`);
      this.offline = true;
      this.runKnown(free);
      return false;
    }
    if (claimed.length === 0) return false;
    let loaded = true;
    const definitions = await this.integrations
      .getDefinitions(claimed.map((c) => c.integrationId))
      .catch((error: unknown) => {
        this.logger.error(
          `Could not load claimed integrations: ${error instanceof Error ? error.message : String(error)}`,
        );
        loaded = false;
        return new Map<string, IntegrationDefinition>();
      });
    for (const check of claimed) {
      const definition = definitions.get(check.integrationId);
      if (definition?.kind === 'http') this.run(check.integrationId, definition, check.dueAt);
      else if (definition?.kind === 'webhook')
        this.silences
          .run(definition, { ...check, leaseOwner: this.workerId })
          .catch((error: unknown) =>
            this.logger.error(`Silence check of ${check.integrationId} failed: ${String(error)}`),
          );
    }
    return loaded && claimed.length === limit;
  }

  private runKnown(free: number): void {
    const now = Date.now();
    let started = 0;
    for (const [id, check] of this.known) {
      if (now - check.lastRunAt > KNOWN_FOR_MS) this.known.delete(id);
      else if (started < free && check.nextDueAt.getTime() <= now && !this.inflight.has(id)) {
        this.run(id, check.definition, check.nextDueAt);
        started += 1;
      }
    }
  }

  private run(integrationId: string, definition: HttpIntegrationDefinition, dueAt: Date): void {
    const controller = new AbortController();
    this.inflight.set(integrationId, controller);
    this.metrics.probesInFlight.set(this.inflight.size);
    const startedAt = new Date();
    this.metrics.schedulerLag.observe(Math.max(0, (startedAt.getTime() - dueAt.getTime()) / 1000));
    const next = nextDueAt(dueAt, startedAt, definition.intervalSeconds);
    const schedule = { nextDueAt: next, leaseOwner: this.offline ? null : this.workerId };
    this.pipeline
      .run(definition, { kind: 'scheduled', integrationId, schedule }, controller.signal)
      .then((result) => {
        // Cut short by shutdown (null): its lease is released instead, so another worker runs it in full.
        if (result) this.known.set(integrationId, { definition, nextDueAt: next, lastRunAt: Date.now() });
      })
      .catch((error: unknown) =>
        this.logger.error(`Check of ${integrationId} failed unexpectedly: ${String(error)}`),
      )
      .finally(() => {
        this.inflight.delete(integrationId);
        this.metrics.probesInFlight.set(this.inflight.size);
      });
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    const deadline = Date.now() + SHUTDOWN_GRACE_MS;
    while (this.inflight.size > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const unfinished = [...this.inflight.keys()];
    for (const controller of this.inflight.values()) controller.abort();
    await this.schedules.release(this.workerId, unfinished).catch(() => undefined);
    if (unfinished.length)
      this.logger.log(`Released ${unfinished.length} unfinished check(s) to other workers`);
  }
}
