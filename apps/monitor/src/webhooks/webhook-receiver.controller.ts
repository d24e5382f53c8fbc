import { Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import type { WithRawBody } from './raw-body.middleware';
import { WebhookReceiverService } from './webhook-receiver.service';

/** `POST /api/webhooks/:integrationId`: no bearer token; the delivery's signature authenticates it. */
@Controller('webhooks')
export class WebhookReceiverController {
  constructor(private readonly receiver: WebhookReceiverService) {}

  @Public()
  @Post(':integrationId')
  @HttpCode(202)
  async receive(
    @Param('integrationId') integrationId: string,
    @Req() req: Request & WithRawBody,
    @Res() res: Response,
  ): Promise<void> {
    const queryAt = req.originalUrl.indexOf('?');
    const answer = await this.receiver.receive({
      integrationId,
      headers: req.headers,
      query: queryAt >= 0 ? req.originalUrl.slice(queryAt) : '',
      body: req.rawWebhookBody ?? { bytes: Buffer.alloc(0), tooLarge: null },
    });
    if (answer.headers) res.set(answer.headers);
    // A body that was not read to its end is not waited for: the connection closes after the answer.
    if (req.rawWebhookBody?.tooLarge) res.set('Connection', 'close');
    res.status(answer.status).json(answer.body);
  }
}
