import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { retentionPlan } from './retention-plan';
import { RetentionRepository } from './retention.repository';

/** Keeps daily result partitions ahead of time and applies retention: old partitions dropped, old rollups deleted. */
@Injectable()
export class RetentionService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Retention');

  constructor(
    private readonly repository: RetentionRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.maintain();
  }

  @Interval(3_600_000)
  async maintain(): Promise<void> {
    const { resultsRetentionDays, rollupRetentionDays } = this.config.env;
    const plan = retentionPlan(new Date(), {
      resultsDays: resultsRetentionDays,
      rollupDays: rollupRetentionDays,
    });
    try {
      await this.repository.ensurePartitions(plan.partitionDays);
      const dropped = await this.repository.dropPartitionsBefore(plan.dropResultsBefore);
      await this.repository.deleteRollupsBefore('minute', plan.minuteRollupsBefore);
      await this.repository.deleteRollupsBefore('hour', plan.hourRollupsBefore);
      if (dropped > 0)
        this.logger.log(`Dropped ${dropped} result partition(s) older than ${resultsRetentionDays} days`);
    } catch (error) {
      this.logger.warn(
        `Retention maintenance skipped: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
