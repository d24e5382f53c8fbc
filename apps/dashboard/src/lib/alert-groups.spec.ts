import { alertFixture } from '../components/alerts/fixtures';
import { alertSince, canAcknowledge, groupAlerts, sinceVerb } from './alert-groups';

describe(groupAlerts.name, () => {
  it('puts firing first, then pending, then resolved, each newest first, and leaves empty states out', () => {
    const groups = groupAlerts([
      alertFixture({ id: 'resolved', state: 'resolved', resolvedAt: '2026-11-25T11:58:00.000Z' }),
      alertFixture({ id: 'old-firing', firedAt: '2026-11-25T10:00:00.000Z' }),
      alertFixture({ id: 'new-firing', firedAt: '2026-11-25T11:59:00.000Z' }),
    ]);
    expect(groups.map((group) => [group.label, group.items.map((alert) => alert.id)])).toEqual([
      ['Firing', ['new-firing', 'old-firing']],
      ['Recently resolved', ['resolved']],
    ]);
  });
});

describe(alertSince.name, () => {
  it.each([
    ['firing', { state: 'firing' as const }, '2026-11-25T11:52:00.000Z', 'fired'],
    ['pending', { state: 'pending' as const, firedAt: null }, '2026-11-25T11:50:00.000Z', 'started'],
    [
      'resolved',
      { state: 'resolved' as const, resolvedAt: '2026-11-25T11:58:00.000Z' },
      '2026-11-25T11:58:00.000Z',
      'resolved',
    ],
  ])('a %s alert counts from its %s', (_, overrides, since, verb) => {
    const alert = alertFixture(overrides);
    expect(alertSince(alert)).toBe(since);
    expect(sinceVerb(alert.state)).toBe(verb);
  });
});

describe(canAcknowledge.name, () => {
  it('takes only a firing alert nobody acknowledged yet', () => {
    expect(canAcknowledge(alertFixture())).toBe(true);
    expect(canAcknowledge(alertFixture({ acknowledgedAt: '2026-11-25T11:55:00.000Z' }))).toBe(false);
    expect(canAcknowledge(alertFixture({ state: 'pending' }))).toBe(false);
    expect(canAcknowledge(alertFixture({ state: 'resolved' }))).toBe(false);
  });
});
