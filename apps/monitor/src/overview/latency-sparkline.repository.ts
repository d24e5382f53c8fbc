import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { TOTAL_LATENCY, type MinuteLatency } from './latency-sparkline';

interface MinuteRow {
  integration_id: string;
  bucket_start: Date;
  total_counts: string | null;
  total_max_ms: number | null;
}

@Injectable()
export class LatencySparklineRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** The total-latency part of the minute rollups of these integrations from `from` until `to` (excluded). */
  async totalLatency(integrationIds: readonly string[], from: Date, to: Date): Promise<MinuteLatency[]> {
    const { firstBucket, buckets, maxIndex } = TOTAL_LATENCY;
    // Only the total phase's slice of each histogram, and as text: the driver's array conversion is slow.
    const rows = await this.prisma.$queryRaw<MinuteRow[]>`
      SELECT integration_id::text, bucket_start,
        array_to_string(latency_histogram[${firstBucket + 1}::int : ${firstBucket + buckets}::int], ',') AS total_counts,
        latency_max_ms[${maxIndex + 1}::int] AS total_max_ms
      FROM result_rollups_minute
      WHERE integration_id = ANY(${integrationIds}::uuid[]) AND bucket_start >= ${from} AND bucket_start < ${to}`;
    return rows.map((row) => ({
      integrationId: row.integration_id,
      bucketStart: row.bucket_start,
      totalCounts: row.total_counts ? row.total_counts.split(',').map(Number) : [],
      totalMaxMs: row.total_max_ms,
    }));
  }
}
