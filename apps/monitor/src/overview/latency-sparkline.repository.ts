import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { parseHistogram } from '../results/parse-histogram';
import type { MinuteLatency } from './latency-sparkline';

interface MinuteRow {
  integration_id: string;
  bucket_start: Date;
  total_histogram: string | null;
  total_max_ms: number | null;
}

@Injectable()
export class LatencySparklineRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** The total latency of the minute rollups of these integrations from `from` until `to` (excluded). */
  async totalLatency(integrationIds: readonly string[], from: Date, to: Date): Promise<MinuteLatency[]> {
    if (integrationIds.length === 0) return [];
    const rows = await this.prisma.$queryRaw<MinuteRow[]>`
      SELECT integration_id::text, bucket_start, array_to_string(total_histogram, ',') AS total_histogram, total_max_ms
      FROM result_rollups_minute
      WHERE integration_id = ANY(${integrationIds}::uuid[]) AND bucket_start >= ${from} AND bucket_start < ${to}`;
    return rows.map((row) => ({
      integrationId: row.integration_id,
      bucketStart: row.bucket_start,
      total: parseHistogram(row.total_histogram, row.total_max_ms),
    }));
  }
}
