import {
  busyRetryAfterSeconds,
  DEFAULT_SIGN_IN_THROTTLE,
  failureDelayMs,
  failuresInWindow,
} from './sign-in-throttle.policy';

const MINUTE = 60_000;
const NOW = 100 * MINUTE;

describe(failureDelayMs.name, () => {
  it.each([
    [1, 250],
    [2, 500],
    [3, 1000],
    [6, 8000],
    [7, 10_000],
    [500, 10_000],
  ])('failure %i holds the next check back %i ms', (count, delay) => {
    expect(failureDelayMs(count, DEFAULT_SIGN_IN_THROTTLE)).toBe(delay);
  });
});

describe(failuresInWindow.name, () => {
  it.each<[string, number[], number[]]>([
    ['none', [], []],
    ['all recent', [NOW - 2000, NOW - 1000], [NOW - 2000, NOW - 1000]],
    ['drops those 15 min old or older', [NOW - 15 * MINUTE, NOW - 15 * MINUTE + 1], [NOW - 15 * MINUTE + 1]],
    ['all older than the window', [NOW - 20 * MINUTE, NOW - 16 * MINUTE], []],
  ])('%s', (_label, failures, expected) => {
    expect(failuresInWindow(failures, NOW, DEFAULT_SIGN_IN_THROTTLE)).toEqual(expected);
  });
});

describe(busyRetryAfterSeconds.name, () => {
  it.each([
    // 20 pending, no failures yet: each may fail and hold the lane 250 ms.
    [20, 0, 5],
    [20, 10, 200],
    [1, 0, 1],
  ])('%i pending after %i failures → %i s', (waiting, failures, expected) => {
    expect(busyRetryAfterSeconds(waiting, failures, DEFAULT_SIGN_IN_THROTTLE)).toBe(expected);
  });
});
