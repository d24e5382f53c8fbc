import type { Session } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { MonitorError } from '../common/monitor-error';
import { AdminAccountRepository } from './admin-account.repository';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { verifyPassword } from './password-hash';

export type SignInOutcome =
  { kind: 'signedIn'; session: Session } | { kind: 'locked'; retryAfterSeconds: number };

/** Checks the admin password, slowing down and then refusing a client that keeps getting it wrong. */
@Injectable()
export class SignInService {
  constructor(
    private readonly account: AdminAccountRepository,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
  ) {}

  async signIn(password: string, clientKey: string): Promise<SignInOutcome> {
    const attempt = this.throttle.begin(clientKey);
    if (attempt.kind === 'locked') return attempt;
    const stored = await this.account.passwordHash();
    if (stored && (await verifyPassword(password, stored))) {
      this.throttle.succeeded(clientKey);
      return { kind: 'signedIn', session: await this.sessions.start() };
    }
    await sleep(attempt.delayOnFailureMs);
    throw new MonitorError('UNAUTHENTICATED', 'The password is not correct');
  }
}
