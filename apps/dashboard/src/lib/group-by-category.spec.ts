import type { OverviewItem } from '@ihm/contracts';
import { groupByCategory } from './group-by-category';

const item = (
  name: string,
  status: OverviewItem['status'],
  category: OverviewItem['category'] = null,
): OverviewItem => ({
  id: name,
  name,
  paused: false,
  tags: [],
  status,
  category,
  message: null,
  httpStatus: null,
  lastCheckedAt: null,
});

describe(groupByCategory.name, () => {
  it('orders groups as the guide does, pending next and healthy last, leaving out empty ones', () => {
    const groups = groupByCategory([
      item('ok', 'up'),
      item('slow-budget', 'degraded', 'rate_limiting'),
      item('new', 'pending'),
      item('expired', 'down', 'authentication'),
      item('gone', 'down', 'not_found'),
    ]);
    expect(groups.map((g) => [g.key, g.items.map((i) => i.name)])).toEqual([
      ['authentication', ['expired']],
      ['rate_limiting', ['slow-budget']],
      ['not_found', ['gone']],
      ['pending', ['new']],
      ['healthy', ['ok']],
    ]);
  });

  it('counts an up result with a stale category as healthy', () => {
    expect(groupByCategory([item('a', 'up', 'server_error')]).map((g) => g.key)).toEqual(['healthy']);
  });
});
