import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { performance } from 'node:perf_hooks';
import { loggedPath } from './logged-path';
import { runInRequestContext, type RequestContext } from './request-context';
import { requestIdOf } from './request-id';

/** Requested every few seconds by probes and Prometheus: at info their lines would drown the others. */
const SCRAPED_PATHS = new Set(['/health', '/ready', '/metrics']);
/** Webhook deliveries, up to thousands a second: each is recorded as a result, with more than this line says. */
const DELIVERIES = '/api/webhooks/';

const logger = new Logger('HTTP');

/**
 * Gives each request its id (echoed in X-Request-Id) and the context its log lines carry, and logs one access
 * line when it is answered: method, path, status and duration, never a header, cookie, body or query.
 */
export function requestLogging(request: Request, response: Response, next: NextFunction): void {
  const started = performance.now();
  const context: RequestContext = { reqId: requestIdOf(request.headers['x-request-id']) };
  response.setHeader('X-Request-Id', context.reqId);
  response.once('finish', () =>
    runInRequestContext(context, () => {
      const path = loggedPath(request.originalUrl);
      const line = {
        msg: 'request completed',
        method: request.method,
        path,
        status: response.statusCode,
        durationMs: Math.round(performance.now() - started),
      };
      if (SCRAPED_PATHS.has(path) || path.startsWith(DELIVERIES)) logger.debug(line);
      else logger.log(line);
    }),
  );
  runInRequestContext(context, next);
}
