import {
  API_TOKEN_PREFIX,
  roleAtLeast,
  type ApiToken,
  type ApiTokenList,
  type CreateApiTokenRequest,
  type CreatedApiToken,
  type Role,
} from '@ihm/contracts';
import { Injectable, Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { MonitorError } from '../common/monitor-error';
import { ApiTokenRepository, type StoredApiToken } from './api-token.repository';
import { callerUserId, type Caller } from './caller';
import { CredentialCache } from './credential-cache';
import { hashSessionToken } from './session-token';

/** Characters of a token kept to list it by: the prefix and 8 of its random ones. */
const SHOWN_CHARACTERS = API_TOKEN_PREFIX.length + 8;
/** `lastUsedAt` is written at most this often per token and process: a busy script must not write on every call. */
const TOUCH_EVERY_MS = 60_000;

type TokenCaller = Extract<Caller, { kind: 'token' }>;

export type ApiTokenCheck = TokenCaller | { kind: 'expired'; name: string } | { kind: 'unknown' };

export const isApiToken = (token: string) => token.startsWith(API_TOKEN_PREFIX);

/** A token can do no more than its owner can now: a demoted user's tokens are demoted with them. */
const lesser = (a: Role, b: Role): Role => (roleAtLeast(a, b) ? b : a);

/** `undefined`: every token (admins); else the caller's user's (null: the bootstrap API_TOKEN's). */
const ownerFilter = (caller: Caller) => (caller.role === 'admin' ? undefined : callerUserId(caller));

const invalid = (field: string, message: string) =>
  new MonitorError('VALIDATION_FAILED', 'The token is invalid', [{ field, message }]);

const present = (token: StoredApiToken): ApiToken => ({
  id: token.id,
  name: token.name,
  role: token.role,
  prefix: token.prefix,
  createdAt: token.createdAt.toISOString(),
  expiresAt: token.expiresAt?.toISOString() ?? null,
  lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
});

/** Creates, lists, checks and revokes API tokens. */
@Injectable()
export class ApiTokenService {
  private readonly logger = new Logger('ApiTokens');
  private readonly cache = new CredentialCache<TokenCaller>();
  private readonly touched = new Map<string, number>();

  constructor(private readonly tokens: ApiTokenRepository) {}

  /**
   * A token of the caller's own, with a role no higher than theirs. The token is in the answer this once; only its
   * hash and first characters are kept.
   */
  async create(request: CreateApiTokenRequest, caller: Caller, now = new Date()): Promise<CreatedApiToken> {
    const expiresAt = request.expiresAt ? new Date(request.expiresAt) : null;
    if (expiresAt && expiresAt <= now) throw invalid('expiresAt', 'must be in the future');
    if (!roleAtLeast(caller.role, request.role))
      throw invalid('role', `must be no higher than your own role (${caller.role})`);
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const stored = await this.tokens.create({
      name: request.name,
      role: request.role,
      prefix: token.slice(0, SHOWN_CHARACTERS),
      expiresAt,
      userId: callerUserId(caller),
      tokenHash: hashSessionToken(token),
    });
    return { ...present(stored), token };
  }

  /** Admins see every token; anyone else their own. */
  async list(caller: Caller): Promise<ApiTokenList> {
    return { items: (await this.tokens.list(ownerFilter(caller))).map(present) };
  }

  /** Admins revoke any token, anyone else their own. At once here; other API processes within the cache's 10 s. */
  async revoke(id: string, caller: Caller): Promise<void> {
    if (!(await this.tokens.delete(id, ownerFilter(caller))))
      throw new MonitorError('API_TOKEN_NOT_FOUND', `No API token with id ${id}`);
    this.cache.deleteWhere((cached) => cached.id === id);
  }

  async check(token: string, now = Date.now()): Promise<ApiTokenCheck> {
    const tokenHash = hashSessionToken(token);
    const key = Buffer.from(tokenHash).toString('hex');
    const cached = this.cache.get(key, now);
    if (cached) {
      this.touch(cached.id, now);
      return cached;
    }
    const stored = await this.tokens.findByHash(tokenHash);
    if (!stored || stored.owner?.disabled) return { kind: 'unknown' };
    if (stored.expiresAt && stored.expiresAt.getTime() <= now) return { kind: 'expired', name: stored.name };
    const checked: TokenCaller = {
      kind: 'token',
      id: stored.id,
      name: stored.name,
      userId: stored.userId,
      role: stored.owner ? lesser(stored.role, stored.owner.role) : stored.role,
    };
    this.cache.set(key, checked, stored.expiresAt, now);
    this.touch(stored.id, now);
    return checked;
  }

  /** After a user was disabled or their role changed: this process rechecks their tokens at once. */
  forgetUser(userId: string): void {
    this.cache.deleteWhere((token) => token.userId === userId);
  }

  private touch(id: string, now: number): void {
    if ((this.touched.get(id) ?? 0) + TOUCH_EVERY_MS > now) return;
    this.touched.set(id, now);
    this.tokens.touch(id, new Date(now)).catch((error: unknown) => {
      this.logger.warn(`Could not record the use of token ${id}: ${(error as Error).message}`);
    });
  }
}
