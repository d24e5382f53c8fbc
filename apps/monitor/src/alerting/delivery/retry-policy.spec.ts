import { GIVE_UP_AFTER_MS, nextAttempt } from './retry-policy';

const due = new Date('2026-12-01T10:00:00.000Z');
const later = (ms: number) => new Date(due.getTime() + ms);
const delayOf = (decision: ReturnType<typeof nextAttempt>, now: Date) =>
  'retryAt' in decision ? decision.retryAt.getTime() - now.getTime() : null;
const middle = () => 0.5;

describe(nextAttempt.name, () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [3, 20_000],
    [10, 2_560_000],
    [11, 3_600_000],
    [30, 3_600_000],
  ])('after failed attempt %i waits %i ms (doubling, capped at an hour)', (attempts, ms) => {
    expect(delayOf(nextAttempt({ attempts, retryAfterSeconds: null }, due, due, middle), due)).toBe(ms);
  });

  it.each([
    [0, 4_000],
    [0.999_999, 6_000],
  ])('spreads each delay by ±20 %% (random %p → %i ms)', (random, ms) => {
    const delay = delayOf(
      nextAttempt({ attempts: 1, retryAfterSeconds: null }, due, due, () => random),
      due,
    );
    expect(delay).toBeCloseTo(ms, -1);
  });

  it("waits at least the receiver's Retry-After", () => {
    expect(delayOf(nextAttempt({ attempts: 1, retryAfterSeconds: 120 }, due, due, middle), due)).toBe(
      120_000,
    );
  });

  it('keeps the backoff when it is longer than Retry-After', () => {
    expect(delayOf(nextAttempt({ attempts: 3, retryAfterSeconds: 1 }, due, due, middle), due)).toBe(20_000);
  });

  it('gives up once the next try would fall more than a day after the notification was written', () => {
    const now = later(GIVE_UP_AFTER_MS - 1_000);
    expect(nextAttempt({ attempts: 30, retryAfterSeconds: null }, due, now, middle)).toEqual({
      giveUp: true,
    });
    expect(nextAttempt({ attempts: 1, retryAfterSeconds: null }, due, later(60_000), middle)).toHaveProperty(
      'retryAt',
    );
  });
});
