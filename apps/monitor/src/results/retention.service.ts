import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { retentionPlan, type RetentionPlan } from './retention-plan';
import { RetentionRepository } from './retention.repository';

/** Passed results are deleted in chunks this big, for at most COMPACT_BUDGET_MS a run. */
const DELETE_CHUNK = 20_000;
const COMPACT_BUDGET_MS = 30_000;

/**
 * Keeps daily result partitions ahead of time and applies retention: old partitions dropped, old rollups deleted
 * (hourly); passed results deleted after the success retention, rollups merged into wider buckets and emptied
 * partitions rewritten (every minute, so each run has a minute's work).
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Retention');
  private compacting = false;

  constructor(
    private readonly repository: RetentionRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.maintain();
  }

  private plan(): RetentionPlan {
    const { resultsRetentionDays, rollupRetentionDays, successResultsRetentionHours } = this.config.env;
    return retentionPlan(new Date(), {
      resultsDays: resultsRetentionDays,
      rollupDays: rollupRetentionDays,
      successHours: successResultsRetentionHours,
    });
  }

  @Interval(3_600_000)
  async maintain(): Promise<void> {
    const plan = this.plan();
    try {
      await this.repository.ensurePartitions(plan.partitionDays);
      const dropped = await this.repository.dropPartitionsBefore(plan.dropResultsBefore);
      await this.repository.deleteRollupsBefore('minute', plan.minuteRollupsBefore);
      await this.repository.deleteRollupsBefore('hour', plan.hourRollupsBefore);
      if (dropped > 0)
        this.logger.log(
          `Dropped ${dropped} result partition(s) older than ${this.config.env.resultsRetentionDays} days`,
        );
    } catch (error) {
      this.logger.warn(`Retention maintenance skipped: ${messageOf(error)}`);
    }
  }

  @Interval(60_000)
  async compact(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    const plan = this.plan();
    try {
      const deadline = Date.now() + COMPACT_BUDGET_MS;
      let deleted = DELETE_CHUNK;
      while (deleted === DELETE_CHUNK && Date.now() < deadline)
        deleted = await this.repository.deletePassedBefore(plan.passedResultsBefore, DELETE_CHUNK);
      for (const compaction of plan.rollupCompactions)
        await this.repository.compactRollups(compaction.table, compaction);
      const rewritten = await this.repository.compactOnePartition(plan.passedResultsBefore);
      if (rewritten) this.logger.log(`Rewrote ${rewritten} without its passed results`);
    } catch (error) {
      this.logger.warn(`Result compaction skipped: ${messageOf(error)}`);
    } finally {
      this.compacting = false;
    }
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
