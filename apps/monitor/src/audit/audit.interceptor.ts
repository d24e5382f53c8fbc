import type { AuditEvent } from '@ihm/contracts';
import {
  Injectable,
  Logger,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { from, mergeMap, type Observable } from 'rxjs';
import { callerUserId, type AuthenticatedRequest, type Caller } from '../auth/caller';
import { auditAction } from './audit-action';
import { AuditRepository } from './audit.repository';

const actorOf = (caller: Caller): AuditEvent['actor'] => {
  switch (caller.kind) {
    case 'session':
      return { kind: 'user', id: caller.user.id, name: caller.user.email };
    case 'token':
      return { kind: 'token', id: caller.id, name: caller.name };
    case 'apiToken':
      return { kind: 'apiToken', id: null, name: 'API_TOKEN' };
  }
};

/** What the answer says the object is: its id and its name (a user's email). */
function described(answer: unknown): { id: string | null; name: string | null } {
  if (typeof answer !== 'object' || answer === null) return { id: null, name: null };
  const { id, name, email } = answer as Record<string, unknown>;
  return {
    id: typeof id === 'string' ? id : null,
    name: typeof name === 'string' ? name : typeof email === 'string' ? email : null,
  };
}

/**
 * Every successful write by an authenticated caller goes into the audit log, whatever the route: who, what, which
 * object, the names of the fields sent. One place, so a new route is audited without anyone remembering to.
 * The change has happened when this runs: a failure to record it is logged, not turned into an error.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Audit');

  constructor(private readonly events: AuditRepository) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = request.caller;
    const routePath = (request.route as { path?: string } | undefined)?.path;
    if (request.method === 'GET' || !caller || !routePath) return next.handle();
    const action = auditAction(
      request.method,
      routePath,
      request.params as Record<string, string>,
      request.query as Record<string, unknown>,
      request.body,
      callerUserId(caller),
    );
    if (!action) return next.handle();
    return next.handle().pipe(
      mergeMap((answer) => {
        const object = described(answer);
        const event = {
          actor: actorOf(caller),
          action: `${action.objectType}.${action.verb}`,
          objectType: action.objectType,
          objectId: action.objectId ?? object.id,
          objectName: action.objectType === 'alert' ? null : object.name,
          fields: action.fields,
        };
        return from(
          this.events.append(event).then(
            () => answer,
            (error: unknown) => {
              this.logger.error(
                `Could not record ${event.action} of ${event.objectId}: ${(error as Error).message}`,
              );
              return answer;
            },
          ),
        );
      }),
    );
  }
}
