/**
 * How failed sign-ins are slowed down. There is one admin account and no address the monitor could trust to tell
 * clients apart (the dashboard cannot see past a forged `X-Forwarded-For`), so the bound is on the account: checks
 * run one at a time and each failure holds the next check back, so no number of clients guesses faster than one
 * password per `maxDelayMs` once the failures mount.
 */
export interface SignInThrottlePolicy {
  /** Failures older than this no longer count. */
  windowMs: number;
  /** Delay after the first failure in the window; each further failure doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Attempts being checked or waiting their turn; past this, more are answered 429 at once, unchecked. */
  maxPending: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = {
  windowMs: 15 * 60_000,
  firstDelayMs: 250,
  maxDelayMs: 10_000,
  maxPending: 20,
};

/** The failure times (ms, ascending) that still count at `now`. */
export function failuresInWindow(
  failures: readonly number[],
  now: number,
  policy: SignInThrottlePolicy,
): number[] {
  return failures.filter((at) => at > now - policy.windowMs);
}

/** How long the n-th failure in the window (n ≥ 1) holds back the next check. */
export function failureDelayMs(failureCount: number, policy: SignInThrottlePolicy): number {
  return Math.min(policy.firstDelayMs * 2 ** (failureCount - 1), policy.maxDelayMs);
}

/** Retry-After for an attempt turned away because `pending` attempts are ahead of it, each possibly a failure. */
export function busyRetryAfterSeconds(
  pending: number,
  failureCount: number,
  policy: SignInThrottlePolicy,
): number {
  return Math.max(1, Math.ceil((pending * failureDelayMs(failureCount + 1, policy)) / 1000));
}
