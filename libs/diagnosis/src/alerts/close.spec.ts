import { DEFAULT_CONSECUTIVE_FAILURES, type AlertRule } from './alert-rule';
import type { AlertState } from './alert-state';
import { closeAlert } from './close';
import { evaluateAlert } from './evaluate';
import type { EvaluatedResult } from './evaluated-result';

const at = (minute: number) => new Date(Date.parse('2026-12-02T10:00:00.000Z') + minute * 60_000);
const integration = { id: 'int-1', name: 'Payments API', tags: [] };
const rule: AlertRule = {
  id: 'rule-1',
  name: 'Three failures',
  condition: { type: 'consecutiveFailures', ...DEFAULT_CONSECUTIVE_FAILURES },
  scope: {},
  minSeverity: 'down',
  renotifyMinutes: null,
};
const failure = (minute: number): EvaluatedResult => ({
  integration,
  startedAt: at(minute),
  status: 'down',
  category: 'server_error',
  message: 'Internal server error (500).',
  troubleshooting: ['Check the provider’s status page.'],
  httpStatus: 500,
  totalMs: 80,
  rateLimit: null,
  tokenExpiresAt: null,
  certificateExpiresAt: null,
});

/** The state after `failures` failed probes, a minute apart. */
function after(failures: number): AlertState {
  let state: AlertState | null = null;
  for (let minute = 0; minute < failures; minute += 1)
    state = evaluateAlert(rule, state, failure(minute), at(minute)).state;
  return state!;
}

describe(closeAlert.name, () => {
  it.each(['integration_deleted', 'rule_deleted', 'out_of_scope'] as const)(
    'resolves a firing alert and says why: %s',
    (reason) => {
      const { state, notifications } = closeAlert(after(3), { rule, integration }, reason, at(10));
      expect(state.alert).toMatchObject({ state: 'resolved', resolvedAt: at(10) });
      expect(notifications).toEqual([
        expect.objectContaining({ kind: 'resolved', closed: reason, sequence: 2, resolvedAt: at(10) }),
      ]);
    },
  );

  it('lets a pending alert lapse without a word', () => {
    const { state, notifications } = closeAlert(after(2), { rule, integration }, 'rule_deleted', at(10));
    expect(state.alert).toBeNull();
    expect(notifications).toEqual([]);
  });

  it('leaves a resolved alert, or none, as it is', () => {
    const resolved = closeAlert(after(3), { rule, integration }, 'rule_deleted', at(10)).state;
    expect(closeAlert(resolved, { rule, integration }, 'rule_deleted', at(11))).toEqual({
      state: resolved,
      notifications: [],
    });
    const none = { ...after(1), alert: null };
    expect(closeAlert(none, { rule, integration }, 'out_of_scope', at(2)).notifications).toEqual([]);
  });
});
