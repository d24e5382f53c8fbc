import { toFieldErrors } from './error-body.contract';
import { AlertRulePatchSchema, AlertRuleRequestSchema } from './alert-rule.contract';

const errorsOf = (input: unknown) => {
  const parsed = AlertRuleRequestSchema.safeParse(input);
  return parsed.success ? [] : toFieldErrors(parsed.error);
};

describe('AlertRuleRequestSchema', () => {
  it('fills the defaults of a consecutive-failures rule: 3 to fire, 1 to resolve, down only, every 4 h', () => {
    expect(
      AlertRuleRequestSchema.parse({ name: 'Outages', condition: { type: 'consecutiveFailures' } }),
    ).toEqual({
      name: 'Outages',
      condition: { type: 'consecutiveFailures', count: 3, recoverCount: 1 },
      scope: {},
      minSeverity: 'down',
      channelIds: [],
      renotifyMinutes: 240,
    });
  });

  it.each([
    [{ type: 'failureRatio', percent: 20, windowMinutes: 15 }, 'down'],
    [{ type: 'latencyP95', thresholdMs: 2000, windowMinutes: 15 }, 'degraded'],
    [{ type: 'rateLimitBudget', belowPercent: 10 }, 'degraded'],
    [{ type: 'expiry', withinDays: 7 }, 'degraded'],
    [{ type: 'budgetForecast' }, 'degraded'],
  ])('counts %p results from %s on by default', (condition, severity) => {
    expect(AlertRuleRequestSchema.parse({ name: 'x', condition }).minSeverity).toBe(severity);
  });

  it('refuses minSeverity down for a latency rule, which would never fire', () => {
    expect(
      errorsOf({
        name: 'x',
        condition: { type: 'latencyP95', thresholdMs: 2000, windowMinutes: 15 },
        minSeverity: 'down',
      }),
    ).toEqual([
      {
        field: 'minSeverity',
        message: 'a latencyP95 rule only sees degraded results: use minSeverity degraded',
      },
    ]);
  });

  it('takes null to turn reminders off', () => {
    const rule = AlertRuleRequestSchema.parse({
      name: 'x',
      condition: { type: 'budgetForecast' },
      renotifyMinutes: null,
    });
    expect(rule.renotifyMinutes).toBeNull();
  });

  it.each<[string, unknown, { field: string; message: string }]>([
    [
      'a missing name',
      { condition: { type: 'budgetForecast' } },
      { field: 'name', message: 'name is required' },
    ],
    [
      'an unknown condition',
      { name: 'x', condition: { type: 'vibes' } },
      {
        field: 'condition.type',
        message:
          'condition.type must be one of: consecutiveFailures, failureRatio, latencyP95, rateLimitBudget, expiry, budgetForecast',
      },
    ],
    [
      'a ratio over 100 %',
      { name: 'x', condition: { type: 'failureRatio', percent: 120, windowMinutes: 15 } },
      { field: 'condition.percent', message: 'percent must be at most 100' },
    ],
    [
      'a field of another condition',
      { name: 'x', condition: { type: 'expiry', withinDays: 7, count: 3 } },
      { field: 'condition.count', message: 'is not a known field' },
    ],
    [
      'an unknown category in the scope',
      { name: 'x', condition: { type: 'budgetForecast' }, scope: { categories: ['weather'] } },
      { field: 'scope.categories.0', message: expect.stringContaining('authentication') },
    ],
    [
      'a channel id that is no id',
      { name: 'x', condition: { type: 'budgetForecast' }, channelIds: ['slack'] },
      { field: 'channelIds.0', message: 'must be a channel id' },
    ],
    [
      'a severity that is none',
      { name: 'x', condition: { type: 'budgetForecast' }, minSeverity: 'up' },
      { field: 'minSeverity', message: 'minSeverity must be degraded or down' },
    ],
  ])('refuses %s with a field error', (_label, input, error) => {
    expect(errorsOf(input)).toEqual([error]);
  });
});

describe('AlertRulePatchSchema', () => {
  it('keeps only the fields sent, so a change does not reset the others to their defaults', () => {
    expect(AlertRulePatchSchema.parse({ name: 'Renamed' })).toEqual({ name: 'Renamed' });
  });
});
