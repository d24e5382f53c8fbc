import type { Session } from '@ihm/contracts';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { MonitorError } from '../common/monitor-error';
import { hashPassword, verifyPassword } from './password-hash';
import { SessionService } from './session.service';
import { SignInThrottle } from './sign-in-throttle';
import { FIRST_ADMIN_LOGIN, UserRepository } from './user.repository';

export type SignInOutcome =
  { kind: 'signedIn'; session: Session } | { kind: 'busy'; retryAfterSeconds: number };

/**
 * Checks a user's password through the throttle, which slows every failure down. An unknown email, a disabled or
 * invited user and a wrong password get the same answer.
 */
@Injectable()
export class SignInService {
  /** Checked when there is no such user, so that an unknown email takes as long as a wrong password. */
  private readonly standIn = hashPassword(randomBytes(16).toString('hex'));

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly throttle: SignInThrottle,
  ) {}

  async signIn(email: string | undefined, password: string): Promise<SignInOutcome> {
    let userId: string | null = null;
    const outcome = await this.throttle.run(async () => {
      const user = await this.users.findByEmail(email || FIRST_ADMIN_LOGIN);
      const matches = await verifyPassword(password, user?.passwordHash ?? (await this.standIn));
      if (!matches || !user?.passwordHash || user.disabledAt) return false;
      userId = user.id;
      return true;
    });
    switch (outcome.kind) {
      case 'busy':
        return outcome;
      case 'refused':
        throw new MonitorError('UNAUTHENTICATED', 'The email or password is not correct');
      case 'accepted':
        return { kind: 'signedIn', session: await this.sessions.start(userId!) };
    }
  }
}
