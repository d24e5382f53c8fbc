import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { WithRawBody } from './raw-body.middleware';
import {
  NO_SUCH_RECEIVER,
  type ReceiverAnswer,
  type WebhookReceiverService,
} from './webhook-receiver.service';

const logger = new Logger('WebhookReceiver');

/** While an integration's settings cannot be read (the database is away), providers are told to retry. */
const UNAVAILABLE: ReceiverAnswer = {
  status: 503,
  body: { accepted: false, message: 'the monitor cannot read this integration right now: retry later' },
  headers: { 'Retry-After': '30' },
};

function send(req: Request & WithRawBody, res: Response, answer: ReceiverAnswer): void {
  const body = JSON.stringify(answer.body);
  res.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...answer.headers,
    // A body that was not read to its end is not waited for: the connection closes after the answer.
    ...(req.rawWebhookBody?.tooLarge ? { connection: 'close' } : {}),
  });
  res.end(body);
}

function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * `POST /api/webhooks/:integrationId`, mounted on the HTTP server ahead of Nest's router: a delivery needs no
 * bearer token (its signature authenticates it), no audit and no interceptor, and thousands a second must not
 * pay for them. Anything else under the path falls through to Nest (a 404). Every answer is JSON, never an error
 * page.
 */
export function webhookReceiverHandler(receiver: WebhookReceiverService) {
  return (req: Request & WithRawBody, res: Response, next: NextFunction): void => {
    const segment = req.path.slice(1);
    if (req.method !== 'POST' || segment === '' || segment.includes('/')) {
      next();
      return;
    }
    const integrationId = decoded(segment);
    if (integrationId === null) {
      send(req, res, NO_SUCH_RECEIVER);
      return;
    }
    const queryAt = req.originalUrl.indexOf('?');
    receiver
      .receive({
        integrationId,
        headers: req.headers,
        query: queryAt >= 0 ? req.originalUrl.slice(queryAt) : '',
        body: req.rawWebhookBody ?? { bytes: Buffer.alloc(0), tooLarge: null },
      })
      .then(
        (answer) => send(req, res, answer),
        (error: unknown) => {
          logger.error(
            `A delivery could not be judged: ${error instanceof Error ? error.message : String(error)}`,
          );
          send(req, res, UNAVAILABLE);
        },
      );
  };
}
