import type { OverviewItem } from '@ihm/contracts';
import { PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';

interface LatestRow {
  id: string;
  name: string;
  paused: boolean;
  tags: string[];
  status: 'up' | 'degraded' | 'down' | null;
  category: OverviewItem['category'];
  message: string | null;
  http_status: number | null;
  started_at: Date | null;
}

@Injectable()
export class OverviewRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Every integration with its newest result, if any, from the latest-status rows (never the raw results). */
  async latest(): Promise<OverviewItem[]> {
    const rows = await this.prisma.$queryRaw<LatestRow[]>`
      SELECT i.id, i.name, i.paused, i.tags, s.status, s.category, s.message, s.http_status, s.checked_at AS started_at
      FROM integrations i
      LEFT JOIN integration_statuses s ON s.integration_id = i.id
      ORDER BY i.name`;
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      paused: row.paused,
      tags: row.tags ?? [],
      status: row.status ?? 'pending',
      category: row.category,
      message: row.message,
      httpStatus: row.http_status,
      lastCheckedAt: row.started_at?.toISOString() ?? null,
    }));
  }
}
