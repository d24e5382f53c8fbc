import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { MonitorError } from '../common/monitor-error';
import type { AuthenticatedRequest } from './caller';
import { IS_PUBLIC } from './public.decorator';
import { SessionService } from './session.service';
import { isSessionToken } from './session-token';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Every route needs `Authorization: Bearer <token>` unless it is marked @Public(): the API token, or the token
 * of an unexpired dashboard session.
 */
@Injectable()
export class BearerTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.expected = digest(config.apiToken);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
    if (!token) {
      throw new MonitorError(
        'UNAUTHENTICATED',
        'Send the API token or a session token as "Authorization: Bearer <token>"',
      );
    }
    // Compare digests so the comparison takes the same time whatever the token's length.
    if (timingSafeEqual(digest(token), this.expected)) {
      request.caller = { kind: 'apiToken' };
      return true;
    }
    const session = isSessionToken(token) ? await this.sessions.check(token) : { kind: 'unknown' as const };
    if (session.kind === 'expired')
      throw new MonitorError('UNAUTHENTICATED', 'The session has expired: sign in again');
    if (session.kind === 'unknown')
      throw new MonitorError(
        'UNAUTHENTICATED',
        'The token is not valid: send the API token, or sign in again',
      );
    request.caller = session;
    return true;
  }
}
