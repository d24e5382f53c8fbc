import {
  addBudgetReading,
  type BudgetForecast,
  type BudgetReading,
  forecastExhaustion,
  forecastMessage,
  MAX_FORECAST_READINGS,
} from './budget-exhaustion';

const BASE = Date.parse('2026-11-25T14:00:00.000Z');
const at = (minute: number) => new Date(BASE + minute * 60_000);
const RESET = at(58);
const reading = (
  minute: number,
  remaining: number,
  overrides: Partial<BudgetReading> = {},
): BudgetReading => ({
  at: at(minute),
  limit: 5000,
  remaining,
  resetAt: RESET,
  ...overrides,
});

describe(addBudgetReading.name, () => {
  const period = [reading(0, 3000), reading(1, 2900)];
  it.each<[string, BudgetReading[], BudgetReading, number]>([
    ['the first reading starts a period', [], reading(0, 3000), 1],
    ['same reset, less left: the period goes on', period, reading(2, 2800), 3],
    ['same reset, more left (a refill or a burst refunded): the period goes on', period, reading(2, 2950), 3],
    [
      'a reset moved by a second (sent as seconds from now): the period goes on',
      period,
      reading(2, 2950, { resetAt: new Date(RESET.getTime() + 1000) }),
      3,
    ],
    [
      'a moving reset with less left (a sliding window): the period goes on',
      period,
      reading(2, 2800, { resetAt: at(70) }),
      3,
    ],
    [
      'a new reset with more left: the budget reset, a new period',
      period,
      reading(2, 5000, { resetAt: at(118) }),
      1,
    ],
    ['another limit: another budget, a new period', period, reading(2, 2800, { limit: 1000 }), 1],
  ])('%s', (_, readings, next, length) => {
    const kept = addBudgetReading(readings, next);
    expect(kept).toHaveLength(length);
    expect(kept.at(-1)).toBe(next);
  });

  it(`keeps the newest ${MAX_FORECAST_READINGS} readings of the period`, () => {
    let readings: BudgetReading[] = [];
    for (let minute = 0; minute < 15; minute++)
      readings = addBudgetReading(readings, reading(minute, 3000 - minute));
    expect(readings.map((r) => r.remaining)).toEqual([
      2995, 2994, 2993, 2992, 2991, 2990, 2989, 2988, 2987, 2986,
    ]);
  });
});

describe(forecastExhaustion.name, () => {
  it.each<[string, BudgetReading[], Partial<BudgetForecast> | null]>([
    ['two readings are too few', [reading(0, 3400), reading(1, 3300)], null],
    [
      'a steady spend: gone when the newest remaining is spent at that rate',
      [reading(-2, 3400), reading(-1, 3300), reading(0, 3200)],
      { ratePerMinute: 100, exhaustsAt: at(32), resetAt: RESET, limit: 5000, remaining: 3200 },
    ],
    [
      'least squares: one burst does not set the rate alone',
      [reading(-3, 3400), reading(-2, 3300), reading(-1, 2800), reading(0, 2700)],
      { ratePerMinute: 260 },
    ],
    ['nothing spent: no forecast', [reading(0, 3000), reading(1, 3000), reading(2, 3000)], null],
    ['a budget growing back: no forecast', [reading(0, 3000), reading(1, 3100), reading(2, 3200)], null],
    [
      'readings all at one instant: no rate, no forecast',
      [reading(0, 3000), reading(0, 2900), reading(0, 2800)],
      null,
    ],
    ['the reset is due: no forecast', [reading(56, 300), reading(57, 200), reading(58, 100)], null],
    [
      'used up: it ran out at the first empty reading',
      [reading(0, 200), reading(1, 100), reading(2, 0), reading(3, 0)],
      { remaining: 0, exhaustsAt: at(2) },
    ],
  ])('%s', (_, readings, expected) => {
    const forecast = forecastExhaustion(readings);
    if (expected === null) expect(forecast).toBeNull();
    else expect(forecast).toMatchObject(expected);
  });
});

describe(forecastMessage.name, () => {
  const forecast = (overrides: Partial<BudgetForecast>): BudgetForecast => ({
    limit: 5000,
    remaining: 3200,
    ratePerMinute: 100,
    exhaustsAt: at(32),
    resetAt: RESET,
    ...overrides,
  });
  it.each<[string, BudgetForecast, string]>([
    [
      'when it runs out and how long before the reset',
      forecast({}),
      'At this rate (100 requests/min) the 5,000-request budget is gone at 14:32 UTC, 26 min before it resets.',
    ],
    [
      'a slow rate keeps one decimal',
      forecast({ ratePerMinute: 2.46 }),
      'At this rate (2.5 requests/min) the 5,000-request budget is gone at 14:32 UTC, 26 min before it resets.',
    ],
    [
      'another day is dated',
      forecast({
        limit: 100_000,
        exhaustsAt: new Date('2026-11-27T09:15:00.000Z'),
        resetAt: new Date('2026-12-01T00:00:00.000Z'),
      }),
      'At this rate (100 requests/min) the 100,000-request budget is gone at 2026-11-27 09:15 UTC, 4 d before it resets.',
    ],
    [
      'used up',
      forecast({ remaining: 0, exhaustsAt: at(2) }),
      'The 5,000-request budget ran out at 14:02 UTC, 56 min before it resets.',
    ],
  ])('%s', (_, input, expected) => {
    expect(forecastMessage(input, at(0))).toBe(expected);
  });
});
