import type { OverviewItem, OverviewStatus } from '@ihm/contracts';
import type { Category } from '@ihm/diagnosis';
import { Prisma, PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import type { GroupCount } from './overview-counts';
import type { OverviewPosition } from './overview-cursor';
import { groupAt, groupRank } from './overview-groups';
import { LISTED, matching, type OverviewFilters } from './overview-sql';

interface ListedRow {
  id: string;
  name: string;
  sort_name: string;
  paused: boolean;
  tags: string[];
  status: OverviewStatus;
  category: Category | null;
  group_rank: number;
  message: string | null;
  http_status: number | null;
  checked_at: Date | null;
}

export type ListedIntegration = Omit<OverviewItem, 'latencySparklineMs'>;

export interface ListedPage {
  items: ListedIntegration[];
  /** Where the next page starts; null on the last page. */
  next: OverviewPosition | null;
}

/** The overview's reads: integrations and their latest status only, filtered, ordered and counted in SQL. */
@Injectable()
export class OverviewRepository {
  constructor(@Inject(PrismaClient) private readonly prisma: PrismaClient) {}

  /** Up to `limit` matching integrations after `after`, in (group, lower(name), id) order. */
  async page(filters: OverviewFilters, after: OverviewPosition | null, limit: number): Promise<ListedPage> {
    const keyset = after
      ? Prisma.sql`AND (l.group_rank, l.sort_name, l.id) > (${groupRank(after.group)}::int, ${after.sortName}, ${after.id}::uuid)`
      : Prisma.empty;
    // Sorted on the keys alone, then joined back for the page's rows: carrying every column through the sort of
    // all integrations costs more than the join.
    const rows = await this.prisma.$queryRaw<ListedRow[]>`
      SELECT l.*
      FROM (
        SELECT l.id, l.sort_name, l.group_rank FROM (${LISTED}) l
        WHERE ${matching(filters)} ${keyset}
        ORDER BY l.group_rank, l.sort_name, l.id
        LIMIT ${limit + 1}
      ) k
      JOIN (${LISTED}) l ON l.id = k.id
      ORDER BY k.group_rank, k.sort_name, k.id`;
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: rows.slice(0, limit).map(toListed),
      next: last ? { group: groupAt(last.group_rank), sortName: last.sort_name, id: last.id } : null,
    };
  }

  /** How many integrations have each (status, category, group), in all and among those matching the filters. */
  async groupCounts(filters: OverviewFilters): Promise<GroupCount[]> {
    const rows = await this.prisma.$queryRaw<(Omit<GroupCount, 'group'> & { group_rank: number })[]>`
      SELECT l.status, l.category, l.group_rank, count(*)::int AS total,
        (count(*) FILTER (WHERE ${matching(filters)}))::int AS matched
      FROM (${LISTED}) l
      GROUP BY l.status, l.category, l.group_rank`;
    return rows.map(({ group_rank, ...row }) => ({ ...row, group: groupAt(group_rank) }));
  }

  /** Every tag some integration carries, sorted. */
  async tags(): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ tag: string }[]>`
      SELECT DISTINCT t.tag FROM integrations, unnest(tags) AS t(tag) ORDER BY t.tag`;
    return rows.map((row) => row.tag);
  }
}

const toListed = (row: ListedRow): ListedIntegration => ({
  id: row.id,
  name: row.name,
  paused: row.paused,
  tags: row.tags,
  status: row.status,
  category: row.category,
  group: groupAt(row.group_rank),
  message: row.message,
  httpStatus: row.http_status,
  lastCheckedAt: row.checked_at?.toISOString() ?? null,
});
