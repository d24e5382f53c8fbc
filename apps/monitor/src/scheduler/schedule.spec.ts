import { randomUUID } from 'node:crypto';
import { firstDueAt, nextDueAt } from './schedule';

const now = new Date('2026-11-25T10:00:00.000Z');

describe(firstDueAt.name, () => {
  it('is stable for an id and within one interval', () => {
    const id = randomUUID();
    expect(firstDueAt(id, 30, now)).toEqual(firstDueAt(id, 30, now));
    const offset = firstDueAt(id, 30, now).getTime() - now.getTime();
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(30_000);
  });

  it('spreads 10,000 integrations over the interval: no second gets more than 3× its share', () => {
    const perSecond = new Array<number>(30).fill(0);
    for (let i = 0; i < 10_000; i += 1) {
      const second = Math.floor((firstDueAt(randomUUID(), 30, now).getTime() - now.getTime()) / 1000);
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
