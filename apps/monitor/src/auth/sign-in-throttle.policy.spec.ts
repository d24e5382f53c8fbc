import {
  decideAttempt,
  DEFAULT_SIGN_IN_THROTTLE,
  failureDelayMs,
  type AttemptDecision,
} from './sign-in-throttle.policy';

const MINUTE = 60_000;
const NOW = 100 * MINUTE;
/** `count` failures, one a second, the newest `agoMs` before NOW. */
const failures = (count: number, agoMs = 0) =>
  Array.from({ length: count }, (_, i) => NOW - agoMs - (count - 1 - i) * 1000);

describe(failureDelayMs.name, () => {
  it.each([
    [1, 250],
    [2, 500],
    [3, 1000],
    [6, 8000],
    [7, 10_000],
    [19, 10_000],
  ])('failure %i is answered after %i ms', (count, delay) => {
    expect(failureDelayMs(count, DEFAULT_SIGN_IN_THROTTLE)).toBe(delay);
  });
});

describe(decideAttempt.name, () => {
  it.each<[string, number[], AttemptDecision]>([
    ['no failures yet', [], { kind: 'check', delayOnFailureMs: 250 }],
    ['one failure', failures(1), { kind: 'check', delayOnFailureMs: 500 }],
    ['19 failures', failures(19), { kind: 'check', delayOnFailureMs: 10_000 }],
    // The oldest of the 20 is 19 s old: it leaves the 15-minute window in 14 min 41 s.
    ['20 failures', failures(20), { kind: 'locked', retryAfterSeconds: 15 * 60 - 19 }],
    ['25 failures', failures(25), { kind: 'locked', retryAfterSeconds: 15 * 60 - 19 }],
    [
      '20 failures ending 14 min 50 s ago',
      failures(20, 14 * MINUTE + 50_000),
      { kind: 'check', delayOnFailureMs: 10_000 },
    ],
    [
      '20 failures of which only the newest still counts',
      failures(20, 15 * MINUTE - 500),
      { kind: 'check', delayOnFailureMs: 500 },
    ],
    [
      'failures all older than the window',
      failures(30, 16 * MINUTE),
      { kind: 'check', delayOnFailureMs: 250 },
    ],
  ])('%s', (_label, earlier, expected) => {
    expect(decideAttempt(earlier, NOW, DEFAULT_SIGN_IN_THROTTLE)).toEqual(expected);
  });

  it('says at least one second when the lock is about to end', () => {
    const policy = { ...DEFAULT_SIGN_IN_THROTTLE, lockAfterFailures: 1 };
    expect(decideAttempt([NOW - policy.windowMs + 10], NOW, policy)).toEqual({
      kind: 'locked',
      retryAfterSeconds: 1,
    });
  });
});
