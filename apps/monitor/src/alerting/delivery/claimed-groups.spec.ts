import { groupClaimed, type Groupable } from './claimed-groups';

const BASE = Date.parse('2026-12-02T10:00:00.000Z');
const row = (
  id: number,
  second: number,
  channelId = 'c1',
  groupKey = 'r1|firing|connectivity',
): Groupable => ({
  id: BigInt(id),
  channelId,
  groupKey,
  occurredAt: new Date(BASE + second * 1000),
});

/** Each group as its ids: the first, then the others. */
const ids = (groups: Map<Groupable, Groupable[]>) =>
  [...groups].map(([first, others]) => [first, ...others].map((r) => Number(r.id)));

describe(groupClaimed.name, () => {
  it.each<[string, Groupable[], number[][]]>([
    ['one alone', [row(1, 0)], [[1]]],
    ['within the wait of the first, in any order', [row(3, 20), row(1, 0), row(2, 10)], [[1, 2, 3]]],
    [
      'past the wait: the next group',
      [row(1, 0), row(2, 29), row(3, 31), row(4, 45)],
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['another channel', [row(1, 0), row(2, 1, 'c2')], [[1], [2]]],
    ['another key', [row(1, 0), row(2, 1, 'c1', 'r1|resolved|connectivity')], [[1], [2]]],
    ['the same moment: by id', [row(2, 0), row(1, 0)], [[1, 2]]],
  ])('%s', (_case, rows, expected) => {
    expect(ids(groupClaimed(rows, 30_000))).toEqual(expected);
  });

  it('groups nothing with no wait unless due at the same moment', () => {
    expect(ids(groupClaimed([row(1, 0), row(2, 0), row(3, 1)], 0))).toEqual([[1, 2], [3]]);
  });
});
