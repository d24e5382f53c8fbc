/** The first retry waits this long; each later one twice as long as the one before, up to MAX_DELAY_MS. */
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 60 * 60_000;
/** ± this share of each delay, so that receivers coming back are not hit by every monitor at the same instant. */
const JITTER = 0.2;
/** A notification not delivered this long after it was written is given up (and stays listed as failed). */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60_000;

export type RetryDecision = { retryAt: Date } | { giveUp: true };

/**
 * When to try a failed delivery again: exponential backoff with jitter, never sooner than the receiver's
 * Retry-After, and not at all once the notification has waited GIVE_UP_AFTER_MS since `writtenAt`. `random` is
 * in [0, 1).
 */
export function nextAttempt(
  failure: { attempts: number; retryAfterSeconds: number | null },
  writtenAt: Date,
  now: Date,
  random: () => number = Math.random,
): RetryDecision {
  const backoff = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, failure.attempts - 1));
  const jittered = backoff * (1 + JITTER * (2 * random() - 1));
  const delay = Math.max(jittered, (failure.retryAfterSeconds ?? 0) * 1000);
  const retryAt = new Date(now.getTime() + delay);
  return retryAt.getTime() - writtenAt.getTime() > GIVE_UP_AFTER_MS ? { giveUp: true } : { retryAt };
}
