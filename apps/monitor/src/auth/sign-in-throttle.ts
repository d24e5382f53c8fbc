import { Inject, Injectable, Optional } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import {
  busyRetryAfterSeconds,
  DEFAULT_SIGN_IN_THROTTLE,
  failureDelayMs,
  failuresInWindow,
  type SignInThrottlePolicy,
} from './sign-in-throttle.policy';

/** The time the throttle reads and waits on. */
export interface ThrottleClock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: ThrottleClock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

/** Not provided by the app, which runs on SYSTEM_CLOCK; a test module may provide another clock under it. */
export const SIGN_IN_THROTTLE_CLOCK = Symbol('SIGN_IN_THROTTLE_CLOCK');

export type ThrottledCheck =
  { kind: 'accepted' } | { kind: 'refused' } | { kind: 'busy'; retryAfterSeconds: number };

/** Runs password checks one at a time in this process, each failure holding the next one back (see the policy). */
@Injectable()
export class SignInThrottle {
  private readonly policy: SignInThrottlePolicy;
  /** Failure times, ascending. */
  private failures: number[] = [];
  /** Settles when the check ahead of the next attempt is done with its turn. */
  private lane: Promise<void> = Promise.resolve();
  private pending = 0;

  constructor(
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
    @Optional() @Inject(SIGN_IN_THROTTLE_CLOCK) private readonly clock: ThrottleClock = SYSTEM_CLOCK,
  ) {
    this.policy = config.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE;
  }

  async run(check: () => Promise<boolean>): Promise<ThrottledCheck> {
    if (this.pending >= this.policy.maxPending) {
      const failureCount = failuresInWindow(this.failures, this.clock.now(), this.policy).length;
      return {
        kind: 'busy',
        retryAfterSeconds: busyRetryAfterSeconds(this.pending, failureCount, this.policy),
      };
    }
    this.pending += 1;
    const ahead = this.lane;
    let endTurn!: () => void;
    this.lane = new Promise((resolve) => (endTurn = resolve));
    try {
      await ahead;
      if (await check()) return { kind: 'accepted' };
      const now = this.clock.now();
      this.failures = [...failuresInWindow(this.failures, now, this.policy), now];
      await this.clock.sleep(failureDelayMs(this.failures.length, this.policy));
      return { kind: 'refused' };
    } finally {
      this.pending -= 1;
      endTurn();
    }
  }
}
