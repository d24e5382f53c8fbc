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

  /** Every integration with its newest result, if any. */
  async latest(): Promise<OverviewItem[]> {
    const rows = await this.prisma.$queryRaw<LatestRow[]>`
      SELECT i.id, i.name, i.paused, i.tags, r.status, r.category, r.message, r.http_status, r.started_at
      FROM integrations i
      LEFT JOIN LATERAL (
        SELECT status, category, message, http_status, started_at
        FROM probe_results WHERE integration_id = i.id
        ORDER BY started_at DESC LIMIT 1
      ) r ON true
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
