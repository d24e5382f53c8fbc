import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { KEEP_FOR_EXIT_MS, shutdownClock } from '../common/shutdown-clock';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { MetricsService } from '../metrics/metrics.service';
import type { ResultEntry } from './result-entry';
import { ResultStoreRepository } from './result-store.repository';

const FLUSH_EVERY_MS = 250;
const MAX_BATCH = 2000;
/** A batch the database refuses while it is reachable is retried this often, then dropped and logged. */
const MAX_ATTEMPTS_WHILE_REACHABLE = 3;
/**
 * On shutdown the buffer is written for up to this long, and no later than leaves the exit its time. A busy monitor
 * can hold thousands of results; 3 s wrote only part of them at 2,000 probes a second.
 */
const SHUTDOWN_DRAIN_MS = 6000;

/**
 * Buffers results and writes them in batches. While the database is unreachable, results wait here (bounded
 * by RESULT_BUFFER_LIMIT, oldest dropped first, counted and logged) and are written when it returns.
 */
@Injectable()
export class ResultWriter implements OnApplicationShutdown {
  private readonly logger = new Logger('ResultWriter');
  private buffer: ResultEntry[] = [];
  private flushing: Promise<void> | null = null;
  private failedAttempts = 0;
  private outageSince: number | null = null;
  /** The oldest results dropped for room while a batch was being written: they were that batch's first. */
  private droppedDuringWrite = 0;
  /** Shutdown's deadline: back-to-back writing stops there, so the process's own deadline is kept. */
  private stopBy = Infinity;

  constructor(
    private readonly store: ResultStoreRepository,
    private readonly metrics: MetricsService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  get pending(): number {
    return this.buffer.length;
  }

  enqueue(entry: ResultEntry): void {
    this.buffer.push(entry);
    const overflow = this.buffer.length - this.config.env.resultBufferLimit;
    if (overflow > 0) {
      this.buffer.splice(0, overflow);
      this.droppedDuringWrite += overflow;
      this.metrics.resultsDropped.inc(overflow);
      this.logger.warn(
        `Result buffer full (${this.config.env.resultBufferLimit}): dropped the ${overflow} oldest result(s)`,
      );
    }
    this.metrics.resultsBuffered.set(this.buffer.length);
  }

  /** Writes now, for callers that must know the result is stored (probe now). */
  async writeNow(entries: ResultEntry[]): Promise<void> {
    await this.store.writeBatch(entries);
    this.metrics.resultsWritten.inc(entries.length);
  }

  @Interval(FLUSH_EVERY_MS)
  flush(): Promise<void> {
    this.flushing ??= this.flushWhileFull().finally(() => (this.flushing = null));
    return this.flushing;
  }

  /** A full batch left behind is written at once, not a tick later: behind, the writer runs back to back. */
  private async flushWhileFull(): Promise<void> {
    while ((await this.flushOnce()) && this.buffer.length >= MAX_BATCH && Date.now() < this.stopBy);
  }

  /** Flushes until the buffer is empty or the database refuses; for shutdown and tests. */
  async drain(deadlineMs = 3000): Promise<void> {
    const deadline = Date.now() + deadlineMs;
    this.stopBy = deadline;
    try {
      while (this.buffer.length > 0 && Date.now() < deadline) {
        await this.flush();
        if (this.buffer.length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      this.stopBy = Infinity;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain(shutdownClock.endOf(SHUTDOWN_DRAIN_MS, KEEP_FOR_EXIT_MS) - Date.now());
    if (this.buffer.length > 0)
      this.logger.error(`Stopping with ${this.buffer.length} result(s) not written`);
  }

  /** Writes the oldest batch; whether it was written. */
  private async flushOnce(): Promise<boolean> {
    if (this.buffer.length === 0) return false;
    const batch = this.buffer.slice(0, MAX_BATCH);
    this.droppedDuringWrite = 0;
    try {
      await this.store.writeBatch(batch);
      this.buffer.splice(0, Math.max(0, batch.length - this.droppedDuringWrite));
      this.metrics.resultsWritten.inc(batch.length);
      this.failedAttempts = 0;
      if (this.outageSince !== null) {
        this.logger.log(
          `Database reachable again after ${Math.round((Date.now() - this.outageSince) / 1000)} s; writing buffered results`,
        );
        this.outageSince = null;
      }
      return true;
    } catch (error) {
      await this.handleFailure(batch, error);
      return false;
    } finally {
      this.metrics.resultsBuffered.set(this.buffer.length);
    }
  }

  private async handleFailure(batch: ResultEntry[], error: unknown): Promise<void> {
    if (!(await this.store.isReachable())) {
      if (this.outageSince === null) {
        this.outageSince = Date.now();
        this.logger.warn(
          `Database unreachable: buffering results (limit ${this.config.env.resultBufferLimit})`,
        );
      }
      return;
    }
    this.failedAttempts += 1;
    if (this.failedAttempts < MAX_ATTEMPTS_WHILE_REACHABLE) return;
    this.buffer.splice(0, Math.max(0, batch.length - this.droppedDuringWrite));
    this.failedAttempts = 0;
    this.metrics.resultsDropped.inc(batch.length);
    this.logger.error(
      `Dropped ${batch.length} result(s) the database refused: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
