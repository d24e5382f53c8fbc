import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import {
  decideAttempt,
  DEFAULT_SIGN_IN_THROTTLE,
  failuresInWindow,
  type AttemptDecision,
  type SignInThrottlePolicy,
} from './sign-in-throttle.policy';

/** Bounds memory whatever the number of clients: past it, the client with the oldest last failure is forgotten. */
const MAX_TRACKED_CLIENTS = 10_000;

/** Failed sign-in attempts per client key, in this process's memory. */
@Injectable()
export class SignInThrottle {
  private readonly policy: SignInThrottlePolicy;
  /** Failure times per client, ascending; the map is ordered by each client's last failure. */
  private readonly failures = new Map<string, number[]>();

  constructor(@Inject(RUNTIME_CONFIG) config: RuntimeConfig) {
    this.policy = config.signInThrottle ?? DEFAULT_SIGN_IN_THROTTLE;
  }

  /**
   * Decides on an attempt. One that may go on counts as a failure at once, until `succeeded` clears it: so
   * parallel guesses count before any of them is checked.
   */
  begin(clientKey: string, now = Date.now()): AttemptDecision {
    const recent = failuresInWindow(this.failures.get(clientKey) ?? [], now, this.policy);
    const decision = decideAttempt(recent, now, this.policy);
    if (decision.kind === 'check') {
      this.failures.delete(clientKey);
      this.failures.set(clientKey, [...recent, now]);
      if (this.failures.size > MAX_TRACKED_CLIENTS) this.failures.delete(this.failures.keys().next().value!);
    }
    return decision;
  }

  succeeded(clientKey: string): void {
    this.failures.delete(clientKey);
  }
}
