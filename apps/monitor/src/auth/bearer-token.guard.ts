import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../config/runtime-config';
import { MonitorError } from '../common/monitor-error';
import { IS_PUBLIC } from './public.decorator';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Every route needs `Authorization: Bearer <API token>` unless it is marked @Public(). */
@Injectable()
export class ApiTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    private readonly reflector: Reflector,
    @Inject(RUNTIME_CONFIG) config: RuntimeConfig,
  ) {
    this.expected = digest(config.apiToken);
  }

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    // Compare digests so the comparison takes the same time whatever the token's length.
    if (match?.[1] && timingSafeEqual(digest(match[1]), this.expected)) return true;
    throw new MonitorError(
      'UNAUTHENTICATED',
      match ? 'The API token is not valid' : 'Send the API token as "Authorization: Bearer <token>"',
    );
  }
}
