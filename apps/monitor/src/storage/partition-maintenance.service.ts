import { PrismaClient } from '@ihm/db';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Interval } from '@nestjs/schedule';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';

const DAY_MS = 86_400_000;
const DAYS_AHEAD = 7;
/** Minute rollups serve the 1 h and 24 h trends; two days cover both. */
const MINUTE_ROLLUP_RETENTION_DAYS = 2;

/** Keeps daily result partitions ahead of time and applies retention: old partitions dropped, old rollups deleted. */
@Injectable()
export class PartitionMaintenanceService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Retention');

  constructor(
    @Inject(PrismaClient) private readonly prisma: PrismaClient,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.maintain();
  }

  @Interval(3_600_000)
  async maintain(): Promise<void> {
    try {
      const today = new Date(Date.now() - (Date.now() % DAY_MS));
      await this.prisma.$executeRaw`
        SELECT ihm_ensure_result_partition(d::date)
        FROM generate_series(${today}::timestamptz, ${today}::timestamptz + make_interval(days => ${DAYS_AHEAD}), interval '1 day') AS d`;
      const cutoff = new Date(today.getTime() - this.config.env.resultsRetentionDays * DAY_MS);
      const cutoffName = `probe_results_p${cutoff.toISOString().slice(0, 10).replaceAll('-', '')}`;
      const old = await this.prisma.$queryRaw<{ name: string }[]>`
        SELECT c.relname AS name FROM pg_inherits h
        JOIN pg_class c ON c.oid = h.inhrelid JOIN pg_class p ON p.oid = h.inhparent
        WHERE p.relname = 'probe_results' AND c.relname < ${cutoffName}`;
      for (const { name } of old) {
        // Names come from the catalogue and match our own pattern: safe to interpolate.
        if (/^probe_results_p\d{8}$/.test(name))
          await this.prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "${name}"`);
      }
      await this.prisma
        .$executeRaw`DELETE FROM result_rollups_minute WHERE bucket_start < now() - make_interval(days => ${MINUTE_ROLLUP_RETENTION_DAYS})`;
      await this.prisma
        .$executeRaw`DELETE FROM result_rollups_hour WHERE bucket_start < now() - make_interval(days => ${this.config.env.rollupRetentionDays})`;
      if (old.length)
        this.logger.log(
          `Dropped ${old.length} result partition(s) older than ${this.config.env.resultsRetentionDays} days`,
        );
    } catch (error) {
      this.logger.warn(
        `Retention maintenance skipped: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
