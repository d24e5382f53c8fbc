import type { RuntimeConfig } from '../config/runtime-config';
import { SignInThrottle } from './sign-in-throttle';
import type { SignInThrottlePolicy } from './sign-in-throttle.policy';

const POLICY: SignInThrottlePolicy = { windowMs: 60_000, firstDelayMs: 40, maxDelayMs: 80, maxPending: 3 };
const throttle = () => new SignInThrottle({ signInThrottle: POLICY } as RuntimeConfig);

/** Runs the checks in parallel; says when each one started and what each one answered. */
async function race(subject: SignInThrottle, outcomes: boolean[]) {
  const started = performance.now();
  const checkedAt: number[] = [];
  const answers = await Promise.all(
    outcomes.map((ok) =>
      subject.run(async () => {
        checkedAt.push(performance.now() - started);
        return ok;
      }),
    ),
  );
  return { answers, checkedAt, elapsed: performance.now() - started };
}

describe(SignInThrottle.name, () => {
  it('runs parallel checks one at a time, each failure holding the next one back longer', async () => {
    const { answers, checkedAt } = await race(throttle(), [false, false, false]);
    expect(answers.map((a) => a.kind)).toEqual(['refused', 'refused', 'refused']);
    // Failures 1 and 2 hold the lane 40 and 80 ms: the checks start at ~0, ≥ 40, ≥ 120 ms.
    expect(checkedAt[1]! - checkedAt[0]!).toBeGreaterThanOrEqual(POLICY.firstDelayMs - 2);
    expect(checkedAt[2]! - checkedAt[1]!).toBeGreaterThanOrEqual(POLICY.maxDelayMs - 2);
  });

  it('lets a right password in after failures, at its turn', async () => {
    const { answers } = await race(throttle(), [false, true]);
    expect(answers.map((a) => a.kind)).toEqual(['refused', 'accepted']);
  });

  it('does not hold the lane after a success', async () => {
    const { elapsed } = await race(throttle(), [true, true, true]);
    expect(elapsed).toBeLessThan(POLICY.firstDelayMs);
  });

  it('turns attempts away unchecked, with a Retry-After, once too many are pending', async () => {
    const subject = throttle();
    let checks = 0;
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        subject.run(async () => {
          checks += 1;
          return false;
        }),
      ),
    );
    // Three pending (one checked, two waiting); the other three are turned away.
    expect(checks).toBe(3);
    expect(answers.map((a) => a.kind)).toEqual(['refused', 'refused', 'refused', 'busy', 'busy', 'busy']);
    expect(answers[3]).toEqual({ kind: 'busy', retryAfterSeconds: 1 });
    // Once they are done, the lane takes attempts again.
    await expect(subject.run(async () => true)).resolves.toEqual({ kind: 'accepted' });
  });

  it('frees the lane when a check throws', async () => {
    const subject = throttle();
    const failing = subject.run(() => Promise.reject(new Error('database down')));
    const next = subject.run(async () => true);
    await expect(failing).rejects.toThrow('database down');
    await expect(next).resolves.toEqual({ kind: 'accepted' });
  });
});
