import { DEFAULT_FLAPPING } from './alert-rule';
import { isFlapping, isStable, keepTransitions } from './flapping';

const BASE = Date.parse('2026-11-25T10:00:00.000Z');
const at = (minute: number) => new Date(BASE + minute * 60_000);
const minutes = (...list: number[]) => list.map(at);

describe(isFlapping.name, () => {
  it.each<[string, number[], number, boolean]>([
    ['five transitions in the hour are not flapping', [0, 10, 20, 30, 40], 50, false],
    ['six are', [0, 10, 20, 30, 40, 50], 50, true],
    ['one an hour old no longer counts', [0, 10, 20, 30, 40, 50], 60, false],
    ['one just under an hour old does', [1, 10, 20, 30, 40, 50], 60, true],
  ])('%s', (_, transitions, now, expected) => {
    expect(isFlapping(minutes(...transitions), at(now), DEFAULT_FLAPPING)).toBe(expected);
  });
});

describe(isStable.name, () => {
  it.each<[string, number[], number, boolean]>([
    ['no transition kept is stable', [], 10, true],
    ['30 min since the last transition is stable', [0, 5], 35, true],
    ['29 min is not', [0, 5], 34, false],
  ])('%s', (_, transitions, now, expected) => {
    expect(isStable(minutes(...transitions), at(now), DEFAULT_FLAPPING)).toBe(expected);
  });
});

describe(keepTransitions.name, () => {
  it.each<[string, number[], number, { windowMinutes?: number; stableMinutes?: number }, number[]]>([
    ['drops those older than the window', [0, 30, 61], 70, {}, [30, 61]],
    [
      'keeps those of a stable period longer than the window',
      [0, 30, 61],
      70,
      { stableMinutes: 90 },
      [0, 30, 61],
    ],
    [
      'keeps one more than the count that flaps, the newest',
      [1, 2, 3, 4, 5, 6, 7, 8],
      10,
      {},
      [3, 4, 5, 6, 7, 8],
    ],
  ])('%s', (_, transitions, now, policy, expected) => {
    const kept = keepTransitions(minutes(...transitions), at(now), { ...DEFAULT_FLAPPING, ...policy });
    expect(kept).toEqual(minutes(...expected));
  });
});
