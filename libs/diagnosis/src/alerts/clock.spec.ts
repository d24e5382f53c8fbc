import { formatClock } from './clock';

describe(formatClock.name, () => {
  const now = new Date('2026-11-25T14:05:00.000Z');
  it.each<[string, string, string]>([
    ['later the same UTC day: the time', '2026-11-25T14:32:59.000Z', '14:32 UTC'],
    ['earlier the same UTC day: the time', '2026-11-25T00:00:00.000Z', '00:00 UTC'],
    ['the next day: date and time', '2026-11-26T09:00:00.000Z', '2026-11-26 09:00 UTC'],
    ['the day before: date and time', '2026-11-24T23:59:00.000Z', '2026-11-24 23:59 UTC'],
  ])('%s', (_, date, expected) => {
    expect(formatClock(new Date(date), now)).toBe(expected);
  });
});
