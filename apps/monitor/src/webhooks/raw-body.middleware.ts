import type { NextFunction, Request, Response } from 'express';

/** What the receiver read of a delivery's body. */
export type RawBody =
  { bytes: Buffer; tooLarge: null } | { bytes: Buffer; tooLarge: { bytes: number; limitBytes: number } };

export interface WithRawBody {
  /** Set on webhook routes: the JSON parser leaves such requests alone. */
  rawWebhookBody?: RawBody;
}

/**
 * Reads a webhook delivery's body as bytes, before any JSON parser (a signature covers the exact bytes), up to
 * `limitBytes`: beyond it reading stops and the receiver answers 413 without waiting for the rest.
 */
export function rawWebhookBody(limitBytes: number) {
  return (req: Request & WithRawBody, _res: Response, next: NextFunction): void => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limitBytes) {
      req.rawWebhookBody = { bytes: Buffer.alloc(0), tooLarge: { bytes: declared, limitBytes } };
      next();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: RawBody) => {
      if (done) return;
      done = true;
      req.rawWebhookBody = body;
      next();
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.pause();
        finish({ bytes: Buffer.alloc(0), tooLarge: { bytes: size, limitBytes } });
      } else chunks.push(chunk);
    });
    req.on('end', () => finish({ bytes: Buffer.concat(chunks, size), tooLarge: null }));
    req.on('error', (error) => {
      if (!done) {
        done = true;
        next(error);
      }
    });
  };
}
