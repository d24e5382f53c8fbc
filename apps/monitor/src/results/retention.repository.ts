import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { LATENCY_COLUMN_NAMES, LATENCY_COLUMNS } from './latency-columns';

const PARTITION_NAME = /^probe_results_p\d{8}$/;
const MERGED_LATENCY = LATENCY_COLUMNS.map(
  ({ histogram, maxMs }) => `ihm_int_array_sum(${histogram}), max(${maxMs})`,
).join(', ');

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
    await this.prisma.$executeRaw`DELETE FROM compacted_result_partitions WHERE name < ${cutoffName}`;
    return droppable.length;
  }

  /** Deletes up to `limit` passed results (not kept) started before `before`; says how many it deleted. */
  async deletePassedBefore(before: Date, limit: number): Promise<number> {
    return this.prisma.$executeRaw`
      DELETE FROM probe_results WHERE (id, started_at) IN (
        SELECT id, started_at FROM probe_results WHERE NOT kept AND started_at < ${before} LIMIT ${limit})`;
  }

  /**
   * Rewrites one day's partition that has no passed results left (its day ended before `passedBefore`), so the
   * space they took comes back: VACUUM FULL, which locks only that partition, no longer written to. The claim
   * (a row in compacted_result_partitions) keeps two processes from rewriting the same one. Says which, if any.
   */
  async compactOnePartition(passedBefore: Date): Promise<string | null> {
    const lastDay = new Date(passedBefore.getTime() - 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replaceAll('-', '');
    const candidates = await this.prisma.$queryRaw<{ name: string }[]>`
      SELECT c.relname AS name FROM pg_inherits h
      JOIN pg_class c ON c.oid = h.inhrelid JOIN pg_class p ON p.oid = h.inhparent
      WHERE p.relname = 'probe_results' AND c.relname <= ${`probe_results_p${lastDay}`}
        AND NOT EXISTS (SELECT 1 FROM compacted_result_partitions d WHERE d.name = c.relname)
      ORDER BY c.relname`;
    for (const { name } of candidates.filter((c) => PARTITION_NAME.test(c.name))) {
      // Names come from the catalogue and match our own pattern: safe to put in SQL text.
      const [left] = await this.prisma.$queryRawUnsafe<{ passed: boolean }[]>(
        `SELECT EXISTS (SELECT 1 FROM "${name}" WHERE NOT kept) AS passed`,
      );
      if (left?.passed) continue;
      const claimed = await this.prisma.$executeRaw`
        INSERT INTO compacted_result_partitions (name) VALUES (${name}) ON CONFLICT DO NOTHING`;
      if (claimed === 0) continue;
      await this.prisma.$executeRawUnsafe(`VACUUM (FULL, ANALYZE) "${name}"`);
      return name;
    }
    return null;
  }

  /**
   * Merges the fine rollup rows of [from, before) into buckets of `bucketSeconds` (counts and histograms summed,
   * maxima kept, the newest rate limit), in one statement: a bucket is rewritten when it holds a row off its
   * boundary, so merged buckets are left alone and a late row is merged into its bucket at the next run.
   */
  async compactRollups(
    table: 'minute' | 'hour',
    { from, before, bucketSeconds }: { from: Date; before: Date; bucketSeconds: number },
  ): Promise<number> {
    // The table name comes from the union type above and the columns from LATENCY_COLUMNS, never from input.
    const bucket = `to_timestamp(floor(extract(epoch FROM bucket_start) / $3::int) * $3::int)`;
    return this.prisma.$executeRawUnsafe(
      `WITH merged AS (
         DELETE FROM result_rollups_${table} r
         USING (SELECT DISTINCT integration_id, ${bucket} AS coarse FROM result_rollups_${table}
                WHERE bucket_start >= $1 AND bucket_start < $2
                  AND extract(epoch FROM bucket_start)::numeric % $3::int <> 0) c
         WHERE r.integration_id = c.integration_id
           AND r.bucket_start >= c.coarse AND r.bucket_start < c.coarse + make_interval(secs => $3::int)
         RETURNING r.*)
       INSERT INTO result_rollups_${table} (integration_id, bucket_start, probe_count, degraded_count, failure_count,
         ${LATENCY_COLUMN_NAMES}, rate_limit_remaining, rate_limit_limit, rate_limit_at)
       SELECT integration_id, ${bucket}, sum(probe_count), sum(degraded_count), sum(failure_count),
         ${MERGED_LATENCY},
         (array_agg(rate_limit_remaining ORDER BY rate_limit_at DESC NULLS LAST))[1],
         (array_agg(rate_limit_limit ORDER BY rate_limit_at DESC NULLS LAST))[1],
         max(rate_limit_at)
       FROM merged GROUP BY 1, 2`,
      from,
      before,
      bucketSeconds,
    );
  }

  async deleteRollupsBefore(unit: 'minute' | 'hour', before: Date): Promise<void> {
    if (unit === 'minute')
      await this.prisma.resultRollupMinute.deleteMany({ where: { bucketStart: { lt: before } } });
    else await this.prisma.resultRollupHour.deleteMany({ where: { bucketStart: { lt: before } } });
  }
}
