import { OVERVIEW_GROUPS, type OverviewQuery } from '@ihm/contracts';
import { Prisma } from '@ihm/db';
import { groupRank } from './overview-groups';
import { containsPattern } from './like-pattern';

export type OverviewFilters = Pick<OverviewQuery, 'q' | 'tag' | 'status' | 'group' | 'paused'>;

/**
 * Every integration with its latest status, overview status, group rank and sort name: what the overview lists,
 * filters and counts (as subquery `l`). The group rule lives here only: not probed yet → pending; up or without
 * a category → healthy; else its category.
 */
export const LISTED = Prisma.sql`
  SELECT i.id, i.name, lower(i.name) AS sort_name, i.paused, i.tags,
    coalesce(s.status::text, 'pending') AS status, s.category::text AS category, s.message, s.http_status,
    s.checked_at,
    CASE WHEN s.integration_id IS NULL THEN ${groupRank('pending')}::int
      WHEN s.status = 'up' OR s.category IS NULL THEN ${groupRank('healthy')}::int
      ELSE array_position(${[...OVERVIEW_GROUPS]}::text[], s.category::text) - 1 END AS group_rank
  FROM integrations i LEFT JOIN integration_statuses s ON s.integration_id = i.id`;

/** The filters, combined with AND, over the columns of `LISTED` as `l`. */
export function matching({ q, tag, status, group, paused }: OverviewFilters): Prisma.Sql {
  const conditions = [
    q ? Prisma.sql`l.name ILIKE ${containsPattern(q)}` : null,
    tag ? Prisma.sql`l.tags @> ARRAY[${tag}]::text[]` : null,
    status ? Prisma.sql`l.status = ${status}` : null,
    group ? Prisma.sql`l.group_rank = ${groupRank(group)}::int` : null,
    paused === undefined ? null : Prisma.sql`l.paused = ${paused}`,
  ].filter((condition) => condition !== null);
  return conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`;
}
