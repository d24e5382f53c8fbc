import type { OverviewGroup, OverviewItem } from '@ihm/contracts';

export interface PageGroup {
  group: OverviewGroup;
  items: OverviewItem[];
}

/**
 * The API sends a page already ordered by group (guide category order, pending, healthy last); this cuts it
 * into one section per group. A group split across pages appears on each page it has items on.
 */
export function groupPage(items: readonly OverviewItem[]): PageGroup[] {
  const groups: PageGroup[] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last?.group === item.group) last.items.push(item);
    else groups.push({ group: item.group, items: [item] });
  }
  return groups;
}
