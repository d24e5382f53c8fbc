import type { PhaseHistograms } from '@ihm/diagnosis';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { LATENCY_COLUMNS } from '../results/latency-columns';
import { parseHistogram } from '../results/parse-histogram';
import type { RollupSlice } from './trend-points';

type BucketRow = {
  bucket_start: Date;
  probe_count: number;
  degraded_count: number;
  failure_count: number;
  rate_limit_remaining: number | null;
  rate_limit_limit: number | null;
} & Record<string, string | number | null>;

// Histograms as text: the driver's array conversion costs more than the query itself.
const MERGED_LATENCY = LATENCY_COLUMNS.map(
  ({ histogram, maxMs }) =>
    `array_to_string(ihm_int_array_sum(${histogram}), ',') AS ${histogram}, max(${maxMs}) AS ${maxMs}`,
).join(',\n         ');

@Injectable()
export class TrendRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /**
   * Rollup rows of one integration since `from`, merged in the database into buckets of `bucketSeconds`
   * (histograms summed, maxima kept, newest rate limit): one row per point, and never the raw results.
   */
  async buckets(
    integrationId: string,
    table: 'minute' | 'hour',
    from: Date,
    bucketSeconds: number,
  ): Promise<RollupSlice[]> {
    // The table name comes from the union type above and the columns from LATENCY_COLUMNS, never from input.
    const rows = await this.prisma.$queryRawUnsafe<BucketRow[]>(
      `SELECT to_timestamp(floor(extract(epoch FROM bucket_start) / $3) * $3) AS bucket_start,
         sum(probe_count)::int AS probe_count, sum(degraded_count)::int AS degraded_count,
         sum(failure_count)::int AS failure_count,
         ${MERGED_LATENCY},
         (array_agg(rate_limit_remaining ORDER BY rate_limit_at DESC NULLS LAST))[1] AS rate_limit_remaining,
         (array_agg(rate_limit_limit ORDER BY rate_limit_at DESC NULLS LAST))[1] AS rate_limit_limit
       FROM result_rollups_${table}
       WHERE integration_id = $1::uuid AND bucket_start >= $2
       GROUP BY 1 ORDER BY 1`,
      integrationId,
      from,
      bucketSeconds,
    );
    return rows.map((row) => ({
      bucketStart: row.bucket_start,
      probeCount: row.probe_count,
      degradedCount: row.degraded_count,
      failureCount: row.failure_count,
      latency: Object.fromEntries(
        LATENCY_COLUMNS.map(({ phase, histogram, maxMs }) => [
          phase,
          parseHistogram(row[histogram] as string | null, row[maxMs] as number | null),
        ]),
      ) as PhaseHistograms,
      rateLimitRemaining: row.rate_limit_remaining,
      rateLimitLimit: row.rate_limit_limit,
    }));
  }
}
