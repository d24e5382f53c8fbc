import type { AlertRule } from '../alert-rule';
import type { EvaluatedResult } from '../evaluated-result';
import { checkBudgetForecast, type BudgetForecastMemory } from './budget-forecast';
import type { ConditionVerdict } from './condition-input';

const BASE = Date.parse('2026-11-25T14:00:00.000Z');
const at = (minute: number) => new Date(BASE + minute * 60_000);
const rule: AlertRule = {
  id: 'r',
  name: 'Forecast',
  condition: { type: 'budgetForecast' },
  scope: {},
  minSeverity: 'degraded',
  renotifyMinutes: null,
};

type Reading = [minute: number, remaining: number | null, resetMinute: number];

const result = ([minute, remaining, resetMinute]: Reading): EvaluatedResult => ({
  integration: { id: 'int-1', name: 'Payments API', tags: [] },
  startedAt: at(minute),
  status: 'up',
  category: null,
  message: '',
  troubleshooting: [],
  httpStatus: 200,
  totalMs: 100,
  rateLimit: remaining === null ? null : { limit: 5000, remaining, resetAt: at(resetMinute) },
  tokenExpiresAt: null,
  certificateExpiresAt: null,
});

function verdicts(readings: Reading[]): ConditionVerdict['kind'][] {
  let memory: BudgetForecastMemory | null = null;
  return readings.map((reading) => {
    const check = checkBudgetForecast(memory, {
      rule,
      result: result(reading),
      now: at(reading[0]),
      current: null,
    });
    memory = check.memory;
    return check.verdict.kind;
  });
}

describe(checkBudgetForecast.name, () => {
  it.each<[string, Reading[], ConditionVerdict['kind'][]]>([
    [
      'spending 100 a minute with 3,200 left and 58 min to go: met from the third reading',
      [
        [-2, 3400, 58],
        [-1, 3300, 58],
        [0, 3200, 58],
      ],
      ['clear', 'clear', 'met'],
    ],
    [
      'a pace that lasts until the reset clears',
      [
        [0, 4000, 30],
        [1, 3990, 30],
        [2, 3980, 30],
      ],
      ['clear', 'clear', 'clear'],
    ],
    [
      'a reading without budget headers changes nothing',
      [
        [-2, 3400, 58],
        [-1, 3300, 58],
        [0, 3200, 58],
        [1, null, 58],
      ],
      ['clear', 'clear', 'met', 'unknown'],
    ],
    [
      'the budget reset: a new period, nothing to forecast yet, clear',
      [
        [-2, 3400, 58],
        [-1, 3300, 58],
        [0, 3200, 58],
        [58, 5000, 118],
      ],
      ['clear', 'clear', 'met', 'clear'],
    ],
    [
      'the spending slowed: clear once least squares sees it',
      [
        [-2, 3400, 58],
        [-1, 3300, 58],
        [0, 3200, 58],
        [1, 3199, 58],
        [2, 3198, 58],
        [3, 3197, 58],
      ],
      ['clear', 'clear', 'met', 'met', 'clear', 'clear'],
    ],
  ])('%s', (_, readings, expected) => {
    expect(verdicts(readings)).toEqual(expected);
  });

  it('says when the budget is gone and how long before the reset', () => {
    let memory: BudgetForecastMemory | null = null;
    let verdict: ConditionVerdict = { kind: 'unknown' };
    for (const reading of [
      [-2, 3400, 58],
      [-1, 3300, 58],
      [0, 3200, 58],
    ] satisfies Reading[]) {
      ({ memory, verdict } = checkBudgetForecast(memory, {
        rule,
        result: result(reading),
        now: at(reading[0]),
        current: null,
      }));
    }
    expect(verdict).toMatchObject({
      kind: 'met',
      cause: {
        category: 'rate_limiting',
        severity: 'degraded',
        message:
          'At this rate (100 requests/min) the 5,000-request budget is gone at 14:32 UTC, 26 min before it resets.',
      },
    });
  });
});
