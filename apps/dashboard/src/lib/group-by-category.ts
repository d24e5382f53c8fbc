import type { OverviewItem } from '@ihm/contracts';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@ihm/diagnosis';

export interface CategoryGroup {
  key: Category | 'healthy' | 'pending';
  label: string;
  items: OverviewItem[];
}

/** Failing and degraded integrations by guide category (in the guide's order), then pending, healthy last. */
export function groupByCategory(items: readonly OverviewItem[]): CategoryGroup[] {
  const groups: CategoryGroup[] = [
    ...CATEGORIES.map((category) => ({
      key: category,
      label: CATEGORY_LABELS[category],
      items: [] as OverviewItem[],
    })),
    { key: 'pending', label: 'Not probed yet', items: [] },
    { key: 'healthy', label: 'Healthy', items: [] },
  ];
  const byKey = new Map(groups.map((group) => [group.key, group]));
  for (const item of items) {
    const key =
      item.status === 'pending'
        ? 'pending'
        : item.status !== 'up' && item.category
          ? item.category
          : 'healthy';
    byKey.get(key)?.items.push(item);
  }
  return groups.filter((group) => group.items.length > 0);
}
