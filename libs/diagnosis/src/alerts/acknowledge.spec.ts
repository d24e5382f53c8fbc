import { acknowledgeAlert } from './acknowledge';
import type { Alert } from './alert';
import type { AlertState } from './alert-state';

const at = (minute: number) => new Date(Date.parse('2026-11-25T10:00:00.000Z') + minute * 60_000);
const cause = {
  category: 'connectivity' as const,
  severity: 'down' as const,
  message: 'DNS failed.',
  troubleshooting: [],
};
const base = { key: 'rule-1/int-1/2026-11-25T10:00:00.000Z', startedAt: at(0), cause };
const firing: Alert = {
  ...base,
  state: 'firing',
  firedAt: at(2),
  acknowledged: null,
  lastNotifiedAt: at(2),
  notices: 1,
  flapping: null,
};
const stateWith = (alert: Alert | null): AlertState => ({
  condition: { type: 'consecutiveFailures', failures: 3, successes: 0, run: null },
  transitions: [],
  alert,
});

describe(acknowledgeAlert.name, () => {
  it('records who acknowledged a firing alert and when', () => {
    expect(acknowledgeAlert(stateWith(firing), 'ana', at(5)).alert).toEqual({
      ...firing,
      acknowledged: { by: 'ana', at: at(5) },
    });
  });

  it.each<[string, Alert | null]>([
    ['no alert', null],
    ['a pending alert', { ...base, state: 'pending' }],
    [
      'a resolved alert',
      { ...base, state: 'resolved', firedAt: at(2), resolvedAt: at(3), acknowledged: null, notices: 2 },
    ],
    ['an alert already acknowledged: the first stands', { ...firing, acknowledged: { by: 'bo', at: at(4) } }],
  ])('leaves %s as it is', (_, alert) => {
    const state = stateWith(alert);
    expect(acknowledgeAlert(state, 'ana', at(5))).toBe(state);
  });
});
