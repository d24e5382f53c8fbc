import { OVERVIEW_GROUPS } from '@ihm/contracts';
import { CATEGORIES } from '@ihm/diagnosis';
import { groupAt, groupRank } from './overview-groups';

describe(groupRank.name, () => {
  it('ranks the guide categories in the guide’s order, then pending, then healthy', () => {
    const ranked = [...OVERVIEW_GROUPS].sort((a, b) => groupRank(a) - groupRank(b));
    expect(ranked).toEqual([...CATEGORIES, 'pending', 'healthy']);
  });

  it('is undone by groupAt', () => {
    for (const group of OVERVIEW_GROUPS) expect(groupAt(groupRank(group))).toBe(group);
  });
});

describe(groupAt.name, () => {
  it.each([-1, OVERVIEW_GROUPS.length, 1.5])('refuses rank %p', (rank) => {
    expect(() => groupAt(rank)).toThrow(RangeError);
  });
});
