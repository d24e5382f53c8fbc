import { randomUUID } from 'node:crypto';
import { BULK_REGISTRATIONS_PER_MINUTE, firstDueAt, NEWCOMER_WINDOW_MS, nextDueAt } from './schedule';

const now = new Date('2026-11-25T10:00:00.000Z');

describe(firstDueAt.name, () => {
  it.each([
    ['one registered by itself: within seconds', 1, NEWCOMER_WINDOW_MS],
    ['one of a few: within seconds', BULK_REGISTRATIONS_PER_MINUTE, NEWCOMER_WINDOW_MS],
    ['one of a bulk registration: within its interval', BULK_REGISTRATIONS_PER_MINUTE + 1, 30_000],
  ])('%s, stable for its id', (_label, recent, windowMs) => {
    const offsets = Array.from({ length: 500 }, () => {
      const id = randomUUID();
      expect(firstDueAt(id, 30, now, recent)).toEqual(firstDueAt(id, 30, now, recent));
      return firstDueAt(id, 30, now, recent).getTime() - now.getTime();
    });
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(windowMs);
    // Spread over the window, not bunched at its start.
    expect(Math.max(...offsets)).toBeGreaterThan(windowMs * 0.9);
  });

  it('spreads 10,000 registered in bulk over the interval: no second gets more than 3× its share', () => {
    const perSecond = new Array<number>(30).fill(0);
    for (let i = 0; i < 10_000; i += 1) {
      const second = Math.floor((firstDueAt(randomUUID(), 30, now, 10_000).getTime() - now.getTime()) / 1000);
      perSecond[second] = (perSecond[second] ?? 0) + 1;
    }
    expect(Math.max(...perSecond)).toBeLessThan((10_000 / 30) * 3);
  });
});

describe(nextDueAt.name, () => {
  it.each([
    ['on time: keeps the cadence', '2026-11-25T09:59:59.900Z', '2026-11-25T10:00:29.900Z'],
    ['within the tolerance: keeps the cadence', '2026-11-25T09:59:59.500Z', '2026-11-25T10:00:29.500Z'],
    ['later: restarts the cadence from the start', '2026-11-25T09:59:50.000Z', '2026-11-25T10:00:30.000Z'],
  ])('%s', (_label, due, next) => {
    expect(nextDueAt(new Date(due), now, 30).toISOString()).toBe(next);
  });
});
