import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import type { RollupSlice } from './trend-points';

@Injectable()
export class TrendRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Rollup rows of one integration since `from`, oldest first: never the raw results. */
  async rollups(integrationId: string, table: 'minute' | 'hour', from: Date): Promise<RollupSlice[]> {
    const query = {
      where: { integrationId, bucketStart: { gte: from } },
      orderBy: { bucketStart: 'asc' as const },
    };
    return table === 'minute'
      ? this.prisma.resultRollupMinute.findMany(query)
      : this.prisma.resultRollupHour.findMany(query);
  }
}
