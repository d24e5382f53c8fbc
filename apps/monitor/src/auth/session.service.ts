import type { Session } from '@ihm/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import type { Caller } from './caller';
import { CredentialCache } from './credential-cache';
import { SessionRepository, type StoredSession } from './session.repository';
import { hashSessionToken, newSessionToken, type SessionTokenHash } from './session-token';

const HOUR_MS = 3_600_000;
const cacheKey = (tokenHash: SessionTokenHash) => Buffer.from(tokenHash).toString('hex');

export type SessionCheck = Extract<Caller, { kind: 'session' }> | { kind: 'expired' } | { kind: 'unknown' };

/**
 * Starts, checks and ends dashboard sessions. A session is its user's: disabling the user or changing their
 * password deletes their sessions, refused at once by this process and within the cache's 10 s by the others.
 */
@Injectable()
export class SessionService {
  private readonly cache = new CredentialCache<StoredSession>();

  constructor(
    private readonly sessions: SessionRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async start(userId: string): Promise<Session> {
    const token = newSessionToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.env.sessionTtlHours * HOUR_MS);
    await this.sessions.create(hashSessionToken(token), userId, expiresAt, now);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  async check(token: string): Promise<SessionCheck> {
    const tokenHash = hashSessionToken(token);
    const key = cacheKey(tokenHash);
    const now = Date.now();
    // A cached session is rechecked when its entry runs out (10 s), never kept alive by being used.
    let stored = this.cache.get(key, now);
    if (!stored) {
      stored = await this.sessions.find(tokenHash);
      if (!stored || stored.user.disabled) return { kind: 'unknown' };
      if (stored.expiresAt.getTime() <= now) {
        await this.sessions.delete(tokenHash);
        return { kind: 'expired' };
      }
      this.cache.set(key, stored, stored.expiresAt, now);
    }
    const { id, email, name, role } = stored.user;
    return { kind: 'session', role, user: { id, email, name }, tokenHash, expiresAt: stored.expiresAt };
  }

  /** Sign-out: refused at once by this process; other API processes drop their cached copy within seconds. */
  async end(tokenHash: SessionTokenHash): Promise<void> {
    await this.sessions.delete(tokenHash);
    this.cache.delete(cacheKey(tokenHash));
  }

  /** After a user's sessions were deleted (disabled, new password): this process forgets them at once. */
  forgetUser(userId: string): void {
    this.cache.deleteWhere((session) => session.user.id === userId);
  }
}
