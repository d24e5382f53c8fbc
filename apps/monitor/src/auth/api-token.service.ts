import {
  API_TOKEN_PREFIX,
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
import { CredentialCache } from './credential-cache';
import { hashSessionToken } from './session-token';

/** Characters of a token kept to list it by: the prefix and 8 of its random ones. */
const SHOWN_CHARACTERS = API_TOKEN_PREFIX.length + 8;
/** `lastUsedAt` is written at most this often per token and process: a busy script must not write on every call. */
const TOUCH_EVERY_MS = 60_000;

export type ApiTokenCheck =
  { kind: 'token'; id: string; role: Role } | { kind: 'expired'; name: string } | { kind: 'unknown' };

export const isApiToken = (token: string) => token.startsWith(API_TOKEN_PREFIX);

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
  private readonly cache = new CredentialCache<{ id: string; role: Role }>();
  private readonly touched = new Map<string, number>();

  constructor(private readonly tokens: ApiTokenRepository) {}

  /** The token is in the answer this once; only its hash and first characters are kept. */
  async create(request: CreateApiTokenRequest, now = new Date()): Promise<CreatedApiToken> {
    const expiresAt = request.expiresAt ? new Date(request.expiresAt) : null;
    if (expiresAt && expiresAt <= now)
      throw new MonitorError('VALIDATION_FAILED', 'The token is invalid', [
        { field: 'expiresAt', message: 'must be in the future' },
      ]);
    const token = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const stored = await this.tokens.create({
      name: request.name,
      role: request.role,
      prefix: token.slice(0, SHOWN_CHARACTERS),
      expiresAt,
      tokenHash: hashSessionToken(token),
    });
    return { ...present(stored), token };
  }

  async list(): Promise<ApiTokenList> {
    return { items: (await this.tokens.list()).map(present) };
  }

  /** Revoked at once here; other API processes stop accepting it within the cache's 10 s. */
  async revoke(id: string): Promise<void> {
    if (!(await this.tokens.delete(id)))
      throw new MonitorError('API_TOKEN_NOT_FOUND', `No API token with id ${id}`);
    this.cache.deleteWhere((cached) => cached.id === id);
  }

  async check(token: string, now = Date.now()): Promise<ApiTokenCheck> {
    const tokenHash = hashSessionToken(token);
    const key = Buffer.from(tokenHash).toString('hex');
    const cached = this.cache.get(key, now);
    if (cached) {
      this.touch(cached.id, now);
      return { kind: 'token', ...cached };
    }
    const stored = await this.tokens.findByHash(tokenHash);
    if (!stored) return { kind: 'unknown' };
    if (stored.expiresAt && stored.expiresAt.getTime() <= now) return { kind: 'expired', name: stored.name };
    const value = { id: stored.id, role: stored.role };
    this.cache.set(key, value, stored.expiresAt, now);
    this.touch(stored.id, now);
    return { kind: 'token', ...value };
  }

  private touch(id: string, now: number): void {
    if ((this.touched.get(id) ?? 0) + TOUCH_EVERY_MS > now) return;
    this.touched.set(id, now);
    this.tokens.touch(id, new Date(now)).catch((error: unknown) => {
      this.logger.warn(`Could not record the use of token ${id}: ${(error as Error).message}`);
    });
  }
}
