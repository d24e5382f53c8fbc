import type { OverviewItem } from '@ihm/contracts';
import { countOverview } from './overview-counts';

const item = (status: OverviewItem['status'], category: OverviewItem['category'] = null): OverviewItem => ({
  id: `${status}-${category}`,
  name: 'x',
  paused: false,
  tags: [],
  status,
  category,
  message: null,
  httpStatus: null,
  lastCheckedAt: null,
});

describe(countOverview.name, () => {
  it('counts statuses, and categories of failing and degraded integrations only', () => {
    const counts = countOverview([
      item('down', 'authentication'),
      item('down', 'authentication'),
      item('degraded', 'rate_limiting'),
      item('up', 'rate_limiting'),
      item('up'),
      item('pending'),
    ]);
    expect(counts.total).toBe(6);
    expect(counts.byStatus).toEqual({ up: 2, degraded: 1, down: 2, pending: 1 });
    expect(counts.byCategory.authentication).toBe(2);
    expect(counts.byCategory.rate_limiting).toBe(1);
    expect(counts.byCategory.not_found).toBe(0);
  });

  it('gives every category a zero when nothing failed', () => {
    expect(Object.values(countOverview([]).byCategory)).toEqual(new Array(10).fill(0));
  });
});
