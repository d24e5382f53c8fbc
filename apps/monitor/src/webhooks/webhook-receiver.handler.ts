import type { NextFunction, Request, Response } from 'express';
import type { WithRawBody } from './raw-body.middleware';
import type { WebhookReceiverService } from './webhook-receiver.service';

/**
 * `POST /api/webhooks/:integrationId`, mounted on the HTTP server ahead of Nest's router: a delivery needs no
 * bearer token (its signature authenticates it), no audit and no interceptor, and thousands a second must not
 * pay for them. Anything else under the path falls through to Nest (a 404).
 */
export function webhookReceiverHandler(receiver: WebhookReceiverService) {
  return (req: Request & WithRawBody, res: Response, next: NextFunction): void => {
    const id = req.path.slice(1);
    if (req.method !== 'POST' || id === '' || id.includes('/')) {
      next();
      return;
    }
    const queryAt = req.originalUrl.indexOf('?');
    receiver
      .receive({
        integrationId: decodeURIComponent(id),
        headers: req.headers,
        query: queryAt >= 0 ? req.originalUrl.slice(queryAt) : '',
        body: req.rawWebhookBody ?? { bytes: Buffer.alloc(0), tooLarge: null },
      })
      .then((answer) => {
        const body = JSON.stringify(answer.body);
        res.writeHead(answer.status, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
          ...answer.headers,
          // A body that was not read to its end is not waited for: the connection closes after the answer.
          ...(req.rawWebhookBody?.tooLarge ? { connection: 'close' } : {}),
        });
        res.end(body);
      }, next);
  };
}
