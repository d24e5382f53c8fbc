import type { RuntimeConfig } from '../config/runtime-config';
import { SignInThrottle, type ThrottleClock } from './sign-in-throttle';
import type { SignInThrottlePolicy } from './sign-in-throttle.policy';

const POLICY: SignInThrottlePolicy = {
  windowMs: 60_000,
  firstDelayMs: 1_000,
  maxDelayMs: 2_000,
  maxPending: 3,
};

/** Virtual time: a sleep moves the clock on by its length at once, and is recorded. */
function virtualClock(): ThrottleClock & { sleeps: number[]; advance(ms: number): void; elapsed(): number } {
  const start = Date.parse('2026-11-25T10:00:00.000Z');
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms) => (now += ms),
    elapsed: () => now - start,
  };
}

function setup() {
  const clock = virtualClock();
  return { clock, throttle: new SignInThrottle({ signInThrottle: POLICY } as RuntimeConfig, clock) };
}

/** Runs the checks in parallel; says when (in virtual ms) each one was checked and what each one answered. */
async function race(subject: SignInThrottle, clock: ReturnType<typeof virtualClock>, outcomes: boolean[]) {
  const checkedAt: number[] = [];
  let checking = 0;
  let mostAtOnce = 0;
  const answers = await Promise.all(
    outcomes.map((ok) =>
      subject.run(async () => {
        checkedAt.push(clock.elapsed());
        checking += 1;
        mostAtOnce = Math.max(mostAtOnce, checking);
        await Promise.resolve(); // a real check awaits the database: give a parallel one the chance to start
        checking -= 1;
        return ok;
      }),
    ),
  );
  return { answers: answers.map((answer) => answer.kind), checkedAt, mostAtOnce };
}

describe(SignInThrottle.name, () => {
  it('runs parallel checks one at a time, each failure holding the next one back longer', async () => {
    const { clock, throttle } = setup();
    const { answers, checkedAt, mostAtOnce } = await race(throttle, clock, [false, false, false]);
    expect(answers).toEqual(['refused', 'refused', 'refused']);
    expect(mostAtOnce).toBe(1);
    // 1 s after the first failure, 2 s (the maximum) after the second and the third.
    expect(clock.sleeps).toEqual([1_000, 2_000, 2_000]);
    expect(checkedAt).toEqual([0, 1_000, 3_000]);
  });

  it('lets a right password in after failures, at its turn', async () => {
    const { clock, throttle } = setup();
    const { answers, checkedAt } = await race(throttle, clock, [false, true]);
    expect(answers).toEqual(['refused', 'accepted']);
    expect(checkedAt).toEqual([0, 1_000]);
  });

  it('does not hold the lane after a success', async () => {
    const { clock, throttle } = setup();
    const { answers, checkedAt } = await race(throttle, clock, [true, true, true]);
    expect(answers).toEqual(['accepted', 'accepted', 'accepted']);
    expect(clock.sleeps).toEqual([]);
    expect(checkedAt).toEqual([0, 0, 0]);
  });

  it.each([
    ['still counts a failure the window holds', POLICY.windowMs - 1, 2_000],
    ['forgets a failure as old as the window', POLICY.windowMs, 1_000],
  ])('%s', async (_label, later, secondDelay) => {
    const { clock, throttle } = setup();
    await throttle.run(async () => false);
    // The first failure was at 0; its delay has already moved the clock to 1 s.
    clock.advance(later - clock.elapsed());
    await throttle.run(async () => false);
    expect(clock.sleeps).toEqual([1_000, secondDelay]);
  });

  it('turns attempts away unchecked, with a Retry-After, once too many are pending', async () => {
    const { throttle } = setup();
    let checks = 0;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        throttle.run(async () => {
          checks += 1;
          return false;
        }),
      ),
    );
    // Three pending (one checked, two waiting); the other three are turned away.
    expect(checks).toBe(3);
    expect(answers.map((a) => a.kind)).toEqual(['refused', 'refused', 'refused', 'busy', 'busy', 'busy']);
    // Three ahead, none failed yet: each may fail and hold the lane 1 s.
    expect(answers[3]).toEqual({ kind: 'busy', retryAfterSeconds: 3 });
    // Once they are done, the lane takes attempts again.
    await expect(throttle.run(async () => true)).resolves.toEqual({ kind: 'accepted' });
  });

  it('asks for a longer Retry-After while failures in the window lengthen each turn', async () => {
    const { throttle } = setup();
    await throttle.run(async () => false);
    const answers = await Promise.all(Array.from({ length: 4 }, () => throttle.run(async () => false)));
    // Three ahead after one failure: each may fail and hold the lane 2 s.
    expect(answers[3]).toEqual({ kind: 'busy', retryAfterSeconds: 6 });
  });

  it('frees the lane when a check throws', async () => {
    const { throttle } = setup();
    const failing = throttle.run(() => Promise.reject(new Error('database down')));
    const next = throttle.run(async () => true);
    await expect(failing).rejects.toThrow('database down');
    await expect(next).resolves.toEqual({ kind: 'accepted' });
  });
});
