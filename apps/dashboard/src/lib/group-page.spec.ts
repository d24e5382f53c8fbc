import type { OverviewItem } from '@ihm/contracts';
import { groupPage } from './group-page';

const item = (name: string, group: OverviewItem['group']): OverviewItem => ({
  id: name,
  name,
  paused: false,
  tags: [],
  kind: 'http',
  webhookScheme: null,
  status: group === 'healthy' ? 'up' : group === 'pending' ? 'pending' : 'down',
  category: group === 'healthy' || group === 'pending' ? null : group,
  group,
  message: null,
  httpStatus: null,
  lastCheckedAt: null,
  latencySparklineMs: [],
});

describe(groupPage.name, () => {
  it('cuts an ordered page into one section per group, keeping the order', () => {
    const sections = groupPage([
      item('a', 'authentication'),
      item('b', 'authentication'),
      item('c', 'rate_limiting'),
      item('d', 'pending'),
      item('e', 'healthy'),
    ]);
    expect(sections.map((s) => [s.group, s.items.map((i) => i.name)])).toEqual([
      ['authentication', ['a', 'b']],
      ['rate_limiting', ['c']],
      ['pending', ['d']],
      ['healthy', ['e']],
    ]);
  });

  it('has no section for an empty page', () => {
    expect(groupPage([])).toEqual([]);
  });
});
