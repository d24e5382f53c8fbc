import type { Session } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { MonitorError } from '../common/monitor-error';
import { AdminAccountRepository } from './admin-account.repository';
import { verifyPassword } from './password-hash';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';

export type SignInOutcome =
  { kind: 'signedIn'; session: Session } | { kind: 'busy'; retryAfterSeconds: number };

/** Checks the admin password through the throttle, which slows every failure down. */
@Injectable()
export class SignInService {
  constructor(
    private readonly account: AdminAccountRepository,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
  ) {}

  async signIn(password: string): Promise<SignInOutcome> {
    const outcome = await this.throttle.run(async () => {
      const stored = await this.account.passwordHash();
      return stored !== null && (await verifyPassword(password, stored));
    });
    switch (outcome.kind) {
      case 'busy':
        return outcome;
      case 'refused':
        throw new MonitorError('UNAUTHENTICATED', 'The password is not correct');
      case 'accepted':
        return { kind: 'signedIn', session: await this.sessions.start() };
    }
  }
}
