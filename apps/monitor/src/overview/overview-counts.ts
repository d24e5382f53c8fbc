import { OVERVIEW_GROUPS, type Overview, type OverviewGroup, type OverviewStatus } from '@ihm/contracts';
import { CATEGORIES, PROBE_STATUSES, type Category } from '@ihm/diagnosis';

/** One row of the database's count: integrations with this status, category and group. */
export interface GroupCount {
  status: OverviewStatus;
  category: Category | null;
  group: OverviewGroup;
  total: number;
  /** Of `total`, those matching the filters. */
  matched: number;
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/**
 * The overview's numbers, every key present: over all integrations, by status and, for failing or degraded
 * ones, by guide category; over those matching the filters, by group.
 */
export function countOverview(rows: readonly GroupCount[]): Pick<Overview, 'counts' | 'matched'> {
  const byStatus = zeroes([...PROBE_STATUSES, 'pending'] as const);
  const byCategory = zeroes(CATEGORIES);
  const byGroup = zeroes(OVERVIEW_GROUPS);
  let total = 0;
  let matched = 0;
  for (const row of rows) {
    total += row.total;
    matched += row.matched;
    byStatus[row.status] += row.total;
    if (row.category && row.status !== 'up') byCategory[row.category] += row.total;
    byGroup[row.group] += row.matched;
  }
  return { counts: { total, byStatus, byCategory }, matched: { total: matched, byGroup } };
}
