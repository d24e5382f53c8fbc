import type { OverviewGroup, OverviewItem, OverviewStatus } from '@ihm/contracts';
import type { Category } from '@ihm/diagnosis';
import { Prisma, PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import type { GroupCount } from './overview-counts';
import type { OverviewPosition } from './overview-cursor';
import { groupRank, LISTED, matching, type OverviewFilters } from './overview-sql';

interface ListedRow {
  id: string;
  name: string;
  sort_name: string;
  paused: boolean;
  tags: string[];
  status: OverviewStatus;
  category: Category | null;
  group: OverviewGroup;
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
    const rank = groupRank(Prisma.sql`l."group"`);
    const keyset = after
      ? Prisma.sql`AND (${rank}, l.sort_name, l.id) > (${groupRank(after.group)}, ${after.sortName}, ${after.id}::uuid)`
      : Prisma.empty;
    const rows = await this.prisma.$queryRaw<ListedRow[]>`
      SELECT l.* FROM (${LISTED}) l
      WHERE ${matching(filters)} ${keyset}
      ORDER BY ${rank}, l.sort_name, l.id
      LIMIT ${limit + 1}`;
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return {
      items: rows.slice(0, limit).map(toListed),
      next: last ? { group: last.group, sortName: last.sort_name, id: last.id } : null,
    };
  }

  /** How many integrations have each (status, category, group), in all and among those matching the filters. */
  groupCounts(filters: OverviewFilters): Promise<GroupCount[]> {
    return this.prisma.$queryRaw<GroupCount[]>`
      SELECT l.status, l.category, l."group", count(*)::int AS total,
        (count(*) FILTER (WHERE ${matching(filters)}))::int AS matched
      FROM (${LISTED}) l
      GROUP BY l.status, l.category, l."group"`;
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
  group: row.group,
  message: row.message,
  httpStatus: row.http_status,
  lastCheckedAt: row.checked_at?.toISOString() ?? null,
});
