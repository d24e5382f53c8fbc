import {
  acceptShape,
  breakingChanges,
  compareShape,
  knowsShape,
  learnShape,
  LEARNING_RESPONSES,
  shapeOf,
  type LearnedShape,
  type ProbeStatus,
  type ResponseShape,
  type ShapeChange,
  type ShapeDrift,
} from '@ihm/diagnosis';
import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { MonitorError } from '../common/monitor-error';
import { ResponseShapeRepository, type ShapeState } from './response-shape.repository';

/**
 * How long a process trusts what it read of an integration's shape. An accept in another process reaches it sooner:
 * the next drifted response finds its drift ended (touchDrift) and reads again.
 */
const STATE_TTL_MS = 10 * 60_000;
/** An open drift's "last seen" is written at most this often. */
const TOUCH_EVERY_MS = 30_000;
const FLUSH_EVERY_MS = 1_000;
/** A database that fails every drift check is said once a minute, not 2,000 times a second. */
const WARN_EVERY_MS = 60_000;
/**
 * A check waits at most this long for the database on the drift's account; one that waits longer (an outage, a
 * saturated pool) goes on without the comparison, and the next checks skip it for DATABASE_BACKOFF_MS, so that
 * drift never makes probing wait for a database that probing does not need.
 */
const DATABASE_WAIT_MS = 500;
const DATABASE_BACKOFF_MS = 30_000;

/** Whether `work` settled within `ms`; it goes on either way, its failure caught. */
function settledWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([work.then(() => true), late]).finally(() => clearTimeout(timer));
}

/** One response's shape against what was learned; `drift` is set when it breaks from it. */
export interface ShapeAssessment {
  integrationId: string;
  shape: ResponseShape;
  drift: ShapeDrift | null;
}

interface Cached {
  state: ShapeState;
  loadedAt: number;
  touchedAt: number;
}

const sameChanges = (a: readonly ShapeChange[], b: readonly ShapeChange[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Drift without a schema: learns the shape of an integration's healthy responses (paths and types, never values)
 * and says when a response breaks from it, keeping a history of each drift until the shape returns or someone
 * accepts the new one. Reads are batched across integrations and cached briefly; learning is written in batches.
 */
@Injectable()
export class ShapeDriftService implements OnApplicationShutdown {
  private readonly logger = new Logger('ShapeDrift');
  private readonly cache = new Map<string, Cached>();
  private readonly learning = new Map<string, LearnedShape>();
  private waiting = new Map<string, ((state: ShapeState | Error) => void)[]>();
  private loadScheduled = false;
  private flushing: Promise<void> | null = null;
  private warnedAt = 0;
  private databaseBackoffUntil = 0;

  constructor(private readonly repository: ResponseShapeRepository) {}

  /**
   * Before classification: the response's shape and, once learned, whether it breaks from it. Null for a body
   * that is not a JSON object or list, and when what was learned cannot be read (the check goes on without it).
   */
  async assess(integrationId: string, body: unknown): Promise<ShapeAssessment | null> {
    if (body === null || typeof body !== 'object') return null;
    const shape = shapeOf(body);
    const cached = this.cache.get(integrationId);
    if (!cached && Date.now() < this.databaseBackoffUntil) return null;
    let learned: LearnedShape | null | undefined;
    const read = this.stateOf(integrationId).then(
      (state) => (learned = state.learned),
      (error: unknown) => {
        this.backOff();
        this.warn('read learned response shapes', error);
      },
    );
    if (!(await settledWithin(read, DATABASE_WAIT_MS))) this.backOff();
    if (learned === undefined) return null;
    const changes = learned ? breakingChanges(compareShape(learned, shape) ?? []) : [];
    const drift =
      learned && changes.length > 0
        ? { changes, since: learned.since, learnedFrom: learned.responses }
        : null;
    return { integrationId, shape, drift };
  }

  /** After classification: a drift is recorded (or seen again); a healthy response ends one and is learned. */
  async settle(assessment: ShapeAssessment, status: ProbeStatus, at: Date): Promise<void> {
    if (Date.now() < this.databaseBackoffUntil) return;
    const recorded = this.record(assessment, status, at).catch((error: unknown) => {
      // Read again next time: what is stored may differ from what this process holds.
      this.cache.delete(assessment.integrationId);
      this.backOff();
      this.warn('record a response shape drift', error);
    });
    if (!(await settledWithin(recorded, DATABASE_WAIT_MS))) this.backOff();
  }

  private backOff(): void {
    this.databaseBackoffUntil = Date.now() + DATABASE_BACKOFF_MS;
  }

  private async record(assessment: ShapeAssessment, status: ProbeStatus, at: Date): Promise<void> {
    const { integrationId, shape, drift } = assessment;
    const cached = this.cache.get(integrationId);
    if (!cached) return;
    const { state } = cached;
    if (drift) {
      if (state.open && sameChanges(state.open.changes, drift.changes)) {
        if (at.getTime() - cached.touchedAt < TOUCH_EVERY_MS) return;
        cached.touchedAt = at.getTime();
        // Ended elsewhere (accepted in another process): what this process holds is stale, read again next time.
        if (!(await this.repository.touchDrift(state.open.id, shape, at))) {
          this.cache.delete(integrationId);
          this.learning.delete(integrationId);
        }
        return;
      }
      const id = await this.repository.openDrift(integrationId, drift.changes, shape, at);
      state.open = { id, changes: drift.changes };
      cached.touchedAt = at.getTime();
      return;
    }
    if (state.open) {
      await this.repository.endDrift(integrationId, at);
      state.open = null;
    }
    if (status === 'up' && !(state.learned && knowsShape(state.learned, shape))) {
      state.learned = learnShape(state.learned, shape, at);
      // Written once learning is complete, and for each new field after: not for every learning response.
      if (state.learned.responses >= LEARNING_RESPONSES) this.learning.set(integrationId, state.learned);
    }
  }

  /** Accepts the open drift's shape as the learned one; its results are healthy again from the next probe. */
  async accept(integrationId: string, by: string, at = new Date()): Promise<void> {
    await this.flush();
    const open = await this.repository.openDriftOf(integrationId);
    if (!open)
      throw new MonitorError('NO_SHAPE_DRIFT', 'The integration has no response shape change to accept');
    const learned = (await this.repository.learned(integrationId)) ?? {
      responses: 0,
      paths: {},
      since: at.toISOString(),
    };
    await this.repository.accept(integrationId, open.id, acceptShape(learned, open.shape, at), by, at);
    this.cache.delete(integrationId);
    this.learning.delete(integrationId);
  }

  @Interval(FLUSH_EVERY_MS)
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    if (this.learning.size === 0) return;
    const batch = new Map(this.learning);
    this.learning.clear();
    this.flushing = this.repository
      .saveLearned(batch)
      .catch((error: unknown) => {
        // Kept for the next flush unless a newer shape was learned meanwhile.
        for (const [id, learned] of batch) if (!this.learning.has(id)) this.learning.set(id, learned);
        this.warn('store learned response shapes', error);
      })
      .finally(() => (this.flushing = null));
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  /** What this process read of integrations it has not probed for a while (deleted ones among them) goes. */
  @Interval(STATE_TTL_MS)
  sweep(now = Date.now()): void {
    for (const [id, cached] of this.cache)
      if (now - cached.loadedAt > 2 * STATE_TTL_MS) this.cache.delete(id);
  }

  private warn(what: string, error: unknown): void {
    const now = Date.now();
    if (now - this.warnedAt < WARN_EVERY_MS) return;
    this.warnedAt = now;
    this.logger.warn(`Could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }

  private stateOf(integrationId: string): Promise<ShapeState> {
    const cached = this.cache.get(integrationId);
    if (cached && Date.now() - cached.loadedAt < STATE_TTL_MS) return Promise.resolve(cached.state);
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(integrationId) ?? [];
      waiters.push((state) => (state instanceof Error ? reject(state) : resolve(state)));
      this.waiting.set(integrationId, waiters);
      if (!this.loadScheduled) {
        this.loadScheduled = true;
        setImmediate(() => void this.loadWaiting());
      }
    });
  }

  /** One read for every integration asked about since the last: at 2,000 probes a second, a few reads, not 2,000. */
  private async loadWaiting(): Promise<void> {
    const waiting = this.waiting;
    this.waiting = new Map();
    this.loadScheduled = false;
    try {
      const states = await this.repository.states([...waiting.keys()]);
      const now = Date.now();
      for (const [id, waiters] of waiting) {
        const state = states.get(id)!;
        // What this process learned and has not written yet (still learning, or not flushed) is newer.
        const held = this.learning.get(id) ?? this.cache.get(id)?.state.learned;
        if (held && (!state.learned || held.responses > state.learned.responses || this.learning.has(id)))
          state.learned = held;
        this.cache.set(id, { state, loadedAt: now, touchedAt: this.cache.get(id)?.touchedAt ?? 0 });
        for (const waiter of waiters) waiter(state);
      }
    } catch (error) {
      for (const waiters of waiting.values()) for (const waiter of waiters) waiter(error as Error);
    }
  }
}
