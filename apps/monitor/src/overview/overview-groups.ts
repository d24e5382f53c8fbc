import { OVERVIEW_GROUPS, type OverviewGroup } from '@ihm/contracts';

/** A group's place in the overview's order (its index in OVERVIEW_GROUPS): what the database sorts on. */
export const groupRank = (group: OverviewGroup): number => OVERVIEW_GROUPS.indexOf(group);

/** The group at a place of the overview's order. */
export function groupAt(rank: number): OverviewGroup {
  const group = OVERVIEW_GROUPS[rank];
  if (group === undefined) throw new RangeError(`No overview group has rank ${rank}`);
  return group;
}
