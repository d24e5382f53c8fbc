import type { Session } from '@ihm/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import type { Caller } from './caller';
import { CredentialCache } from './credential-cache';
import { SessionRepository } from './session.repository';
import { hashSessionToken, newSessionToken, type SessionTokenHash } from './session-token';

const HOUR_MS = 3_600_000;
const cacheKey = (tokenHash: SessionTokenHash) => Buffer.from(tokenHash).toString('hex');

export type SessionCheck = Extract<Caller, { kind: 'session' }> | { kind: 'expired' } | { kind: 'unknown' };

/** Starts, checks and ends dashboard sessions. */
@Injectable()
export class SessionService {
  private readonly cache = new CredentialCache<Date>();

  constructor(
    private readonly sessions: SessionRepository,
    @Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig,
  ) {}

  async start(): Promise<Session> {
    const token = newSessionToken();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + this.config.env.sessionTtlHours * HOUR_MS);
    await this.sessions.create(hashSessionToken(token), expiresAt, now);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  async check(token: string): Promise<SessionCheck> {
    const tokenHash = hashSessionToken(token);
    const key = cacheKey(tokenHash);
    const now = Date.now();
    const cached = this.cache.get(key, now);
    if (cached) return { kind: 'session', role: 'admin', tokenHash, expiresAt: cached };
    const expiresAt = await this.sessions.expiresAt(tokenHash);
    if (!expiresAt) return { kind: 'unknown' };
    if (expiresAt.getTime() <= now) {
      await this.sessions.delete(tokenHash);
      return { kind: 'expired' };
    }
    this.cache.set(key, expiresAt, expiresAt, now);
    return { kind: 'session', role: 'admin', tokenHash, expiresAt };
  }

  /** Sign-out: refused at once by this process; other API processes drop their cached copy within seconds. */
  async end(tokenHash: SessionTokenHash): Promise<void> {
    await this.sessions.delete(tokenHash);
    this.cache.delete(cacheKey(tokenHash));
  }
}
