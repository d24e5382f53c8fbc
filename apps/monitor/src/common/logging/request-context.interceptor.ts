import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest, Caller } from '../../auth/caller';
import { isUuid } from '../is-uuid';
import { currentRequestContext } from './request-context';

/** Routes of one integration: `/api/integrations/:id`, `…/:id/results`, `…/:id/probe`… */
const INTEGRATION_ROUTE = /\/integrations\/:id(\/|$)/;

/** An identifier of the caller, never a credential. */
function callerLabel(caller: Caller): string {
  switch (caller.kind) {
    case 'session':
      return `user:${caller.user.id}`;
    case 'token':
      return `token:${caller.id}`;
    case 'apiToken':
      return 'API_TOKEN';
  }
}

/** Runs after the guard: adds who is calling and which integration the route is about to the request's log context. */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const logContext = currentRequestContext();
    if (!logContext) return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (request.caller) logContext.caller = callerLabel(request.caller);
    const routePath = (request.route as { path?: string } | undefined)?.path ?? '';
    const id = request.params.id;
    if (typeof id === 'string' && isUuid(id) && INTEGRATION_ROUTE.test(routePath))
      logContext.integrationId = id;
    return next.handle();
  }
}
