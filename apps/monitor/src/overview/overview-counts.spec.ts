import { countOverview, type GroupCount } from './overview-counts';

const row = (fields: Partial<GroupCount> & Pick<GroupCount, 'status' | 'group'>): GroupCount => ({
  category: null,
  total: 1,
  matched: 0,
  ...fields,
});

describe(countOverview.name, () => {
  const sut = countOverview([
    row({ status: 'down', category: 'authentication', group: 'authentication', total: 2, matched: 1 }),
    row({ status: 'degraded', category: 'rate_limiting', group: 'rate_limiting', total: 1, matched: 1 }),
    row({ status: 'up', category: 'rate_limiting', group: 'healthy', total: 1, matched: 1 }),
    row({ status: 'up', group: 'healthy', total: 3, matched: 2 }),
    row({ status: 'pending', group: 'pending', total: 4, matched: 0 }),
  ]);

  it('counts every integration by status, and failing or degraded ones by category', () => {
    expect(sut.counts.total).toBe(11);
    expect(sut.counts.byStatus).toEqual({ up: 4, degraded: 1, down: 2, pending: 4 });
    expect(sut.counts.byCategory.authentication).toBe(2);
    expect(sut.counts.byCategory.rate_limiting).toBe(1);
    expect(sut.counts.byCategory.not_found).toBe(0);
  });

  it('counts the matching integrations by group', () => {
    expect(sut.matched.total).toBe(5);
    expect(sut.matched.byGroup).toMatchObject({
      authentication: 1,
      rate_limiting: 1,
      healthy: 3,
      pending: 0,
    });
  });

  it('gives every status, category and group a zero when there is nothing', () => {
    const empty = countOverview([]);
    expect(empty.counts.byStatus).toEqual({ up: 0, degraded: 0, down: 0, pending: 0 });
    expect(Object.values(empty.counts.byCategory)).toEqual(new Array(10).fill(0));
    expect(Object.values(empty.matched.byGroup)).toEqual(new Array(12).fill(0));
  });
});
