import type { Overview, OverviewItem } from '@ihm/contracts';
import { CATEGORIES, PROBE_STATUSES } from '@ihm/diagnosis';

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** Counts by status and, for failing or degraded integrations, by guide category. */
export function countOverview(items: readonly OverviewItem[]): Overview['counts'] {
  const byStatus = zeroes([...PROBE_STATUSES, 'pending'] as const);
  const byCategory = zeroes(CATEGORIES);
  for (const item of items) {
    byStatus[item.status] += 1;
    if (item.category && item.status !== 'up') byCategory[item.category] += 1;
  }
  return { total: items.length, byStatus, byCategory };
}
