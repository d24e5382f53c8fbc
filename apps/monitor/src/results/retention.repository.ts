import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';

const PARTITION_NAME = /^probe_results_p\d{8}$/;

/** The storage side of retention: daily partitions of the raw results, and old rollup rows. */
@Injectable()
export class RetentionRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Creates the daily partitions of `days` (UTC dates) that are missing. */
  async ensurePartitions(days: readonly Date[]): Promise<void> {
    const names = days.map((day) => day.toISOString().slice(0, 10));
    await this.prisma
      .$executeRaw`SELECT ihm_ensure_result_partition(d::date) FROM unnest(${names}::text[]) AS d`;
  }

  /** Drops whole partitions of results from days before `day`; says how many. */
  async dropPartitionsBefore(day: Date): Promise<number> {
    const cutoffName = `probe_results_p${day.toISOString().slice(0, 10).replaceAll('-', '')}`;
    const old = await this.prisma.$queryRaw<{ name: string }[]>`
      SELECT c.relname AS name FROM pg_inherits h
      JOIN pg_class c ON c.oid = h.inhrelid JOIN pg_class p ON p.oid = h.inhparent
      WHERE p.relname = 'probe_results' AND c.relname < ${cutoffName}`;
    const droppable = old.map(({ name }) => name).filter((name) => PARTITION_NAME.test(name));
    // Names come from the catalogue and match our own pattern: safe to put in SQL text.
    for (const name of droppable) await this.prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "${name}"`);
    return droppable.length;
  }

  async deleteRollupsBefore(unit: 'minute' | 'hour', before: Date): Promise<void> {
    if (unit === 'minute')
      await this.prisma.resultRollupMinute.deleteMany({ where: { bucketStart: { lt: before } } });
    else await this.prisma.resultRollupHour.deleteMany({ where: { bucketStart: { lt: before } } });
  }
}
