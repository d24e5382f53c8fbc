import type { Category } from '../categories';
import { groupKey } from './grouping';
import type { NotificationKind } from './notification';

const about = (ruleId: string, kind: NotificationKind, category: Category) => ({
  rule: { id: ruleId, name: `Rule ${ruleId}` },
  kind,
  category,
});

describe(groupKey.name, () => {
  it.each([
    ['the same rule, kind and category', about('r1', 'firing', 'connectivity'), true],
    ['another rule', about('r2', 'firing', 'connectivity'), false],
    ['another kind of news', about('r1', 'resolved', 'connectivity'), false],
    ['another category', about('r1', 'firing', 'network_timeout'), false],
  ])('%s: grouped with the first is %s', (_case, other, together) => {
    expect(groupKey(about('r1', 'firing', 'connectivity')) === groupKey(other)).toBe(together);
  });

  it('ignores the rule name, which an edit may change while notifications wait', () => {
    expect(groupKey({ ...about('r1', 'firing', 'connectivity'), rule: { id: 'r1', name: 'Renamed' } })).toBe(
      groupKey(about('r1', 'firing', 'connectivity')),
    );
  });
});
