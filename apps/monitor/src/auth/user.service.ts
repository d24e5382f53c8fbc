import type {
  CreateUserRequest,
  CreatedUser,
  Session,
  UpdateUserRequest,
  User,
  UserList,
} from '@ihm/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { MonitorError } from '../common/monitor-error';
import { ApiTokenService } from './api-token.service';
import { hashPassword, verifyPassword } from './password-hash';
import { SessionService } from './session.service';
import { hashSessionToken } from './session-token';
import { UserRepository, type StoredUser } from './user.repository';

const INVITE_DAYS = 7;
const DAY_MS = 86_400_000;

const stateOf = (user: StoredUser): User['state'] =>
  user.disabledAt ? 'disabled' : user.passwordHash === null ? 'invited' : 'active';

export const presentUser = (user: StoredUser): User => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  state: stateOf(user),
  createdAt: user.createdAt.toISOString(),
});

const invalid = (field: string, message: string) =>
  new MonitorError('VALIDATION_FAILED', 'The user is invalid', [{ field, message }]);

/** Accounts: invited or created with a password by admins, disabled, and changing their own password. */
@Injectable()
export class UserService {
  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly tokens: ApiTokenService,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async list(): Promise<UserList> {
    return { items: (await this.users.list()).map(presentUser) };
  }

  /** With a password, the user can sign in now; without, the answer has a one-time link for them (7 days). */
  async create(request: CreateUserRequest, now = new Date()): Promise<CreatedUser> {
    const invite = request.password ? null : `ihmi_${randomBytes(32).toString('base64url')}`;
    const inviteExpiresAt = invite ? new Date(now.getTime() + INVITE_DAYS * DAY_MS) : null;
    const created = await this.users.create({
      email: request.email,
      name: request.name,
      role: request.role,
      passwordHash: request.password ? await hashPassword(request.password) : null,
      inviteHash: invite ? hashSessionToken(invite) : null,
      inviteExpiresAt,
    });
    if (!created)
      throw new MonitorError('USER_EMAIL_TAKEN', `${request.email} already has an account`, [
        { field: 'email', message: 'is already used by another account' },
      ]);
    return {
      ...presentUser(created),
      invite:
        invite && inviteExpiresAt
          ? {
              url: `${this.config.env.dashboardUrl}/invite/${invite}`,
              expiresAt: inviteExpiresAt.toISOString(),
            }
          : null,
    };
  }

  /**
   * Name, role, disabled. Disabling ends the user's sessions and stops their tokens; the last admin who can sign in
   * may not be disabled or demoted.
   */
  async update(id: string, patch: UpdateUserRequest): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new MonitorError('USER_NOT_FOUND', `No user with id ${id}`);
    const losesAdmin =
      user.role === 'admin' &&
      stateOf(user) === 'active' &&
      (patch.disabled || (patch.role && patch.role !== 'admin'));
    if (losesAdmin && (await this.users.activeAdmins()) <= 1)
      throw invalid(
        patch.disabled ? 'disabled' : 'role',
        'the last admin who can sign in must stay an enabled admin',
      );
    const updated = await this.users.update(id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.disabled !== undefined
        ? { disabledAt: patch.disabled ? (user.disabledAt ?? new Date()) : null }
        : {}),
    });
    this.sessions.forgetUser(id);
    this.tokens.forgetUser(id);
    return presentUser(updated);
  }

  /** The invited user sets a password and is signed in. */
  async acceptInvite(invite: string, password: string, now = new Date()): Promise<Session> {
    const user = await this.users.findByInvite(hashSessionToken(invite));
    if (!user || user.disabledAt || !user.inviteExpiresAt || user.inviteExpiresAt <= now)
      throw new MonitorError(
        'INVITE_NOT_FOUND',
        'The invitation is not valid: it was used, has expired or was mistyped',
      );
    await this.users.setPassword(user.id, await hashPassword(password));
    return this.sessions.start(user.id);
  }

  /** A new password ends every session of the user, this one included: the answer is a new session. */
  async changePassword(userId: string, current: string, next: string): Promise<Session> {
    const user = await this.users.findById(userId);
    if (!user?.passwordHash || !(await verifyPassword(current, user.passwordHash)))
      throw invalid('currentPassword', 'is not your current password');
    await this.users.setPassword(userId, await hashPassword(next));
    this.sessions.forgetUser(userId);
    return this.sessions.start(userId);
  }
}
