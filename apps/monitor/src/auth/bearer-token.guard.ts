import { roleAtLeast, type Role } from '@ihm/contracts';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { MonitorError } from '../common/monitor-error';
import { ApiTokenService, isApiToken } from './api-token.service';
import type { AuthenticatedRequest, Caller } from './caller';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLE, SESSIONS_ONLY } from './requires-role.decorator';
import { SessionService } from './session.service';
import { isSessionToken } from './session-token';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** What a route needs when it does not say: reading needs viewer, changing editor. */
const defaultRole = (method: string): Role => (method === 'GET' || method === 'HEAD' ? 'viewer' : 'editor');

/**
 * Every route needs `Authorization: Bearer <token>` unless it is marked @Public(): the bootstrap API_TOKEN (admin),
 * an API token (its role) or the token of an unexpired dashboard session (admin). Then the caller's role must reach
 * the route's (@RequiresRole, else by method): 401 without a valid token, 403 for a role that may not.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    private readonly tokens: ApiTokenService,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.expected = digest(config.apiToken);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = await this.authenticate(request);
    const needed =
      this.reflector.getAllAndOverride<Role>(REQUIRED_ROLE, targets) ?? defaultRole(request.method);
    if (!roleAtLeast(caller.role, needed))
      throw new MonitorError('FORBIDDEN', `This needs the ${needed} role; the caller has ${caller.role}`);
    if (caller.kind !== 'session' && this.reflector.getAllAndOverride<boolean>(SESSIONS_ONLY, targets))
      throw new MonitorError('FORBIDDEN', "This is a signed-in user's own: a token has no account to change");
    request.caller = caller;
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Caller> {
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) {
      throw new MonitorError(
        'UNAUTHENTICATED',
        'Send an API token or a session token as "Authorization: Bearer <token>"',
      );
    }
    // Compare digests so the comparison takes the same time whatever the token's length.
    if (timingSafeEqual(digest(token), this.expected)) return { kind: 'apiToken', role: 'admin' };
    if (isApiToken(token)) {
      const checked = await this.tokens.check(token);
      if (checked.kind === 'token') return checked;
      throw new MonitorError(
        'UNAUTHENTICATED',
        checked.kind === 'expired'
          ? `The API token "${checked.name}" has expired: create another`
          : 'The API token is not valid: it was revoked, or mistyped',
      );
    }
    const session = isSessionToken(token) ? await this.sessions.check(token) : { kind: 'unknown' as const };
    if (session.kind === 'expired')
      throw new MonitorError('UNAUTHENTICATED', 'The session has expired: sign in again');
    if (session.kind === 'unknown')
      throw new MonitorError(
        'UNAUTHENTICATED',
        'The token is not valid: send an API token, or sign in again',
      );
    return session;
  }
}
