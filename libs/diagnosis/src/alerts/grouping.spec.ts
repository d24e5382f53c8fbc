import type { Category } from '../categories';
import { groupNotifications } from './grouping';
import type { AlertNotification, NotificationKind } from './notification';

const BASE = Date.parse('2026-11-25T10:00:00.000Z');
const atSecond = (second: number) => new Date(BASE + second * 1000);
const options = { groupWaitSeconds: 30 };

interface Fixture {
  second: number;
  integration: number;
  kind?: NotificationKind;
  category?: Category;
  ruleId?: string;
  message?: string;
}

function notification({
  second,
  integration,
  kind = 'firing',
  category = 'connectivity',
  ruleId = 'rule-1',
  message,
}: Fixture) {
  return {
    kind,
    alertKey: `${ruleId}/int-${integration}/x`,
    sequence: 1,
    at: atSecond(second),
    rule: { id: ruleId, name: `Rule ${ruleId}` },
    integration: { id: `int-${integration}`, name: `API ${integration}`, tags: [] },
    category,
    severity: 'down',
    message: message ?? `DNS lookup of api${integration}.example.com failed: no such host (ENOTFOUND).`,
    troubleshooting: [],
    startedAt: atSecond(0),
  } as AlertNotification;
}

const fourteenAtOnce = Array.from({ length: 14 }, (_, i) => notification({ second: i * 2, integration: i }));

describe(groupNotifications.name, () => {
  it('collapses fourteen integrations failing the same way into one notification', () => {
    const { groups, waiting } = groupNotifications(fourteenAtOnce, options, atSecond(30));
    expect(waiting).toEqual([]);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      key: 'rule-1|firing|connectivity',
      kind: 'firing',
      rule: { id: 'rule-1', name: 'Rule rule-1' },
      category: 'connectivity',
      headline: '14 integrations: connectivity, DNS lookup of … failed: no such host (ENOTFOUND)',
      dueAt: atSecond(30),
      notifications: fourteenAtOnce,
    });
    expect(groups[0]?.integrations[0]).toEqual({
      id: 'int-0',
      name: 'API 0',
      category: 'connectivity',
      message: 'DNS lookup of api0.example.com failed: no such host (ENOTFOUND).',
    });
  });

  it.each<[string, Fixture[], number, string[][], number]>([
    [
      'nothing is due before the group wait is over',
      [
        { second: 0, integration: 1 },
        { second: 5, integration: 2 },
      ],
      29,
      [],
      2,
    ],
    ['a lone notification waits too, then goes alone', [{ second: 0, integration: 1 }], 30, [['int-1']], 0],
    [
      'one later than the wait starts the next group, which waits its own',
      [
        { second: 0, integration: 1 },
        { second: 30, integration: 2 },
        { second: 31, integration: 3 },
      ],
      45,
      [['int-1', 'int-2']],
      1,
    ],
    [
      'both groups once both waits are over',
      [
        { second: 0, integration: 1 },
        { second: 31, integration: 2 },
      ],
      61,
      [['int-1'], ['int-2']],
      0,
    ],
    [
      'another category is another group',
      [
        { second: 0, integration: 1 },
        { second: 1, integration: 2, category: 'authentication' },
      ],
      31,
      [['int-1'], ['int-2']],
      0,
    ],
    [
      'another kind is another group',
      [
        { second: 0, integration: 1 },
        { second: 1, integration: 2, kind: 'resolved' },
      ],
      31,
      [['int-1'], ['int-2']],
      0,
    ],
    [
      'another rule is another group',
      [
        { second: 0, integration: 1 },
        { second: 1, integration: 2, ruleId: 'rule-2' },
      ],
      31,
      [['int-1'], ['int-2']],
      0,
    ],
    [
      'an integration told twice in one group is listed once',
      [
        { second: 0, integration: 1 },
        { second: 10, integration: 1 },
        { second: 20, integration: 2 },
      ],
      30,
      [['int-1', 'int-2']],
      0,
    ],
  ])('%s', (_, fixtures, second, expectedGroups, waitingCount) => {
    const { groups, waiting } = groupNotifications(fixtures.map(notification), options, atSecond(second));
    expect(groups.map((group) => group.integrations.map((i) => i.id))).toEqual(expectedGroups);
    expect(waiting).toHaveLength(waitingCount);
  });

  it('lists an integration told twice with its newest message, and keeps both notifications', () => {
    const twice = [
      notification({ second: 0, integration: 1, message: 'first' }),
      notification({ second: 10, integration: 1, message: 'second' }),
    ];
    const [group] = groupNotifications(twice, options, atSecond(30)).groups;
    expect(group?.integrations.map((i) => i.message)).toEqual(['second']);
    expect(group?.notifications).toEqual(twice);
  });

  it('orders groups by when they were due, whatever order they came in', () => {
    const fixtures = [
      { second: 40, integration: 2, category: 'authentication' as const },
      { second: 0, integration: 1 },
    ];
    const { groups } = groupNotifications(fixtures.map(notification), options, atSecond(100));
    expect(groups.map((group) => group.dueAt)).toEqual([atSecond(30), atSecond(70)]);
  });
});
