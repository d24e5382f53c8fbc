import {
  OVERVIEW_GROUPS,
  type IntegrationKind,
  type OverviewItem,
  type OverviewQuery,
  type OverviewStatus,
  type WebhookScheme,
} from '@ihm/contracts';
import type { Category } from '@ihm/diagnosis';
import { Prisma, PrismaClient } from '@ihm/db';
import { Inject, Injectable } from '@nestjs/common';
import { containsPattern } from './like-pattern';
import type { GroupCount } from './overview-counts';
import type { OverviewPosition } from './overview-cursor';
import { groupAt, groupRank } from './overview-groups';

export type OverviewFilters = Pick<OverviewQuery, 'q' | 'tag' | 'status' | 'group' | 'paused'>;

/**
 * Every integration with its latest status, overview status, group rank and sort name: what the overview lists,
 * filters and counts (as subquery `l`). The group is the one its newest result was recorded with
 * (overviewGroupOf), or pending before the first; the rank is its place in OVERVIEW_GROUPS.
 */
const LISTED = Prisma.sql`
  SELECT i.id, i.name, lower(i.name) AS sort_name, i.paused, i.tags, i.kind::text AS kind,
    i.webhook->>'scheme' AS webhook_scheme,
    coalesce(s.status::text, 'pending') AS status, s.category::text AS category, s.message, s.http_status,
    s.checked_at,
    array_position(${[...OVERVIEW_GROUPS]}::text[], coalesce(s.overview_group, 'pending')::text) - 1 AS group_rank
  FROM integrations i LEFT JOIN integration_statuses s ON s.integration_id = i.id`;

/** The filters, combined with AND, over the columns of `LISTED` as `l`. */
function matching({ q, tag, status, group, paused }: OverviewFilters): Prisma.Sql {
  const conditions = [
    q ? Prisma.sql`l.name ILIKE ${containsPattern(q)}` : null,
    tag ? Prisma.sql`l.tags @> ARRAY[${tag}]::text[]` : null,
    status ? Prisma.sql`l.status = ${status}` : null,
    group ? Prisma.sql`l.group_rank = ${groupRank(group)}::int` : null,
    paused === undefined ? null : Prisma.sql`l.paused = ${paused}`,
  ].filter((condition) => condition !== null);
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}

interface ListedRow {
  id: string;
  name: string;
  sort_name: string;
  paused: boolean;
  tags: string[];
  kind: IntegrationKind;
  webhook_scheme: WebhookScheme | null;
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
  kind: row.kind,
  webhookScheme: row.webhook_scheme,
  status: row.status,
  category: row.category,
  group: groupAt(row.group_rank),
  message: row.message,
  httpStatus: row.http_status,
  lastCheckedAt: row.checked_at?.toISOString() ?? null,
});
