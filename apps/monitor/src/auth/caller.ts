import type { Role } from '@ihm/contracts';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { SessionTokenHash } from './session-token';

/** Who sent a request, as the guard established it, with the role that decides what it may do. */
export type Caller =
  | { kind: 'apiToken'; role: 'admin' }
  | {
      kind: 'session';
      role: Role;
      user: { id: string; email: string; name: string };
      tokenHash: SessionTokenHash;
      expiresAt: Date;
    }
  | { kind: 'token'; role: Role; id: string; name: string; userId: string | null };

/** The user a caller acts for; null for the bootstrap API_TOKEN and tokens it made. */
export const callerUserId = (caller: Caller): string | null =>
  caller.kind === 'session' ? caller.user.id : caller.kind === 'token' ? caller.userId : null;

export interface AuthenticatedRequest extends Request {
  caller?: Caller;
}

/** The caller of a route that needs a token (never of a @Public() one). */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = context.switchToHttp().getRequest<AuthenticatedRequest>().caller;
  if (!caller) throw new Error('CurrentCaller used on a route the guard did not authenticate');
  return caller;
});
