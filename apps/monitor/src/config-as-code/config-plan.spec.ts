import { describePlan, diffObjects, planConfig, type ConfigSides, type StoredObject } from './config-plan';

const object = (name: string, view: Record<string, unknown>, secrets: Record<string, string> = {}) => ({
  name,
  view,
  secrets,
  summary: `summary of ${name}`,
});
const stored = (
  name: string,
  view: Record<string, unknown>,
  managedBy: string | null = 'integrations.yaml',
  secrets: Record<string, string> = {},
): StoredObject => ({ ...object(name, view, secrets), id: `id-${name}`, managedBy });

const sides = (overrides: Partial<ConfigSides>): ConfigSides => ({
  integration: { stored: [], declared: [] },
  channel: { stored: [], declared: [] },
  'alert rule': { stored: [], declared: [] },
  silence: { stored: [], declared: [] },
  ...overrides,
});

describe('diffObjects', () => {
  it.each([
    ['equal values', { a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 }, []],
    ['a changed leaf', { a: { b: 1, c: 2 } }, { a: { b: 1, c: 3 } }, [['a.c', 2, 3]]],
    ['a list as one value', { tags: ['a'] }, { tags: ['a', 'b'] }, [['tags', ['a'], ['a', 'b']]]],
    ['a field that appears', { a: 1 }, { a: 1, b: null }, [['b', undefined, null]]],
    ['a field that goes', { a: 1, b: 2 }, { a: 1 }, [['b', 2, undefined]]],
    ['key order within objects', { o: { x: 1, y: 2 } }, { o: { y: 2, x: 1 } }, []],
  ])('%s', (_case, before, after, expected) => {
    expect(
      diffObjects(object('x', before), object('x', after)).map((c) => [c.field, c.before, c.after]),
    ).toEqual(expected);
  });

  it('says that a secret changed, never what it was or is', () => {
    expect(
      diffObjects(object('x', {}, { 'auth.token': 'old' }), object('x', {}, { 'auth.token': 'new' })),
    ).toEqual([{ field: 'auth.token', before: undefined, after: undefined, secret: true }]);
  });
});

describe('planConfig', () => {
  it('creates, changes, deletes what a file managed, and leaves what the API made alone', () => {
    const plan = planConfig(
      'integrations.yaml',
      sides({
        integration: {
          stored: [
            stored('Kept', { interval: 60 }),
            stored('Changed', { interval: 60 }),
            stored('Dropped', { interval: 60 }),
            stored('Made in the API', { interval: 60 }, null),
            stored('Taken over', { interval: 60 }, null),
          ],
          declared: [
            object('Kept', { interval: 60 }),
            object('Changed', { interval: 30 }),
            object('Taken over', { interval: 60 }),
            object('New', { interval: 60 }),
          ],
        },
      }),
    );
    expect(plan.changes).toEqual([
      {
        action: 'update',
        type: 'integration',
        name: 'Changed',
        id: 'id-Changed',
        changes: [{ field: 'interval', before: 60, after: 30, secret: false }],
        takeOver: false,
        index: 1,
      },
      {
        action: 'update',
        type: 'integration',
        name: 'Taken over',
        id: 'id-Taken over',
        changes: [],
        takeOver: true,
        index: 2,
      },
      { action: 'create', type: 'integration', name: 'New', summary: 'summary of New', index: 3 },
      { action: 'delete', type: 'integration', name: 'Dropped', id: 'id-Dropped' },
    ]);
    expect(plan.unchanged).toBe(1);
  });

  it('matches silences by their whole content, and never touches one the API made', () => {
    const window = { startsAt: '2030-01-01T00:00:00.000Z', endsAt: '2030-01-01T02:00:00.000Z' };
    const plan = planConfig(
      'integrations.yaml',
      sides({
        silence: {
          stored: [
            stored('Same', { ...window, comment: 'Same' }),
            stored('Moved', { ...window, comment: 'Moved' }),
            stored('Same', { ...window, comment: 'Same' }, null),
          ],
          declared: [
            object('Same', { comment: 'Same', ...window }),
            object('Moved', { ...window, endsAt: '2030-01-01T03:00:00.000Z', comment: 'Moved' }),
          ],
        },
      }),
    );
    expect(plan.changes.map((c) => [c.action, c.name])).toEqual([
      ['create', 'Moved'],
      ['delete', 'Moved'],
    ]);
    expect(plan.unchanged).toBe(1);
  });
});

describe('describePlan', () => {
  it('prints one line per object and one per changed field, secrets masked, long values cut', () => {
    const plan = planConfig(
      'integrations.yaml',
      sides({
        integration: {
          stored: [
            stored('GitHub', { url: 'https://a', body: 'x' }, 'integrations.yaml', { 'auth.token': 'a' }),
          ],
          declared: [
            object('GitHub', { url: 'https://b', body: 'y'.repeat(200) }, { 'auth.token': 'b' }),
            object('Stripe', {}),
          ],
        },
        channel: { stored: [stored('Old', {})], declared: [] },
      }),
    );
    expect(describePlan(plan)).toBe(
      [
        'integrations.yaml: 1 to create, 1 to change, 1 to delete, 0 unchanged',
        '',
        '~ integration "GitHub"',
        '    url: "https://a" → "https://b"',
        `    body: "x" → "${'y'.repeat(118)}…`,
        '    auth.token: secret changed',
        '+ integration "Stripe" (summary of Stripe)',
        '- channel "Old"',
      ].join('\n'),
    );
  });

  it('is one line when nothing changes', () => {
    expect(describePlan(planConfig('a.yaml', sides({})))).toBe(
      'a.yaml: 0 to create, 0 to change, 0 to delete, 0 unchanged',
    );
  });
});
