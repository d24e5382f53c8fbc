/** How failed sign-ins of one client are slowed down and, past a number of them, refused. */
export interface SignInThrottlePolicy {
  /** Failures older than this no longer count. */
  windowMs: number;
  /** This many failures in the window lock the client out until the oldest of them leaves it. */
  lockAfterFailures: number;
  /** Delay of the first failure's answer; each further failure doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = {
  windowMs: 15 * 60_000,
  lockAfterFailures: 20,
  firstDelayMs: 250,
  maxDelayMs: 10_000,
};

export type AttemptDecision =
  | { kind: 'locked'; retryAfterSeconds: number }
  /** Check the password; if it is wrong, answer after this delay. */
  | { kind: 'check'; delayOnFailureMs: number };

/** The failure times (ms, ascending) that still count at `now`. */
export function failuresInWindow(
  failures: readonly number[],
  now: number,
  policy: SignInThrottlePolicy,
): number[] {
  return failures.filter((at) => at > now - policy.windowMs);
}

/** The answer delay of a client's n-th failure in the window (n ≥ 1). */
export function failureDelayMs(failureCount: number, policy: SignInThrottlePolicy): number {
  return Math.min(policy.firstDelayMs * 2 ** (failureCount - 1), policy.maxDelayMs);
}

/** What to do with a client's next attempt, given the times (ms, ascending) of its earlier failures. */
export function decideAttempt(
  failures: readonly number[],
  now: number,
  policy: SignInThrottlePolicy,
): AttemptDecision {
  const recent = failuresInWindow(failures, now, policy);
  if (recent.length >= policy.lockAfterFailures) {
    // Unlocked once enough of the oldest failures leave the window to bring the count under the limit.
    const unlockAt = recent[recent.length - policy.lockAfterFailures]! + policy.windowMs;
    return { kind: 'locked', retryAfterSeconds: Math.max(1, Math.ceil((unlockAt - now) / 1000)) };
  }
  return { kind: 'check', delayOnFailureMs: failureDelayMs(recent.length + 1, policy) };
}
