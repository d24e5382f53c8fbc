import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { MonitorLogger } from './common/logging/monitor-logger';
import { RequestContextInterceptor } from './common/logging/request-context.interceptor';
import { requestLogging } from './common/logging/request-logging.middleware';
import type { RuntimeConfig } from './config/runtime-config';
import { rawWebhookBody, type WithRawBody } from './webhooks/raw-body.middleware';
import { webhookReceiverHandler } from './webhooks/webhook-receiver.handler';
import { WebhookReceiverService } from './webhooks/webhook-receiver.service';

const isJsonOutsideWebhooks = (req: IncomingMessage & WithRawBody) =>
  req.rawWebhookBody === undefined &&
  req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() === 'application/json';

/**
 * The Nest application, configured but not listening: shared by main.ts and the integration tests. It logs through
 * `logger`: by default LOG_LEVEL's lines in LOG_FORMAT on stdout.
 */
export async function createMonitorApp(
  config: RuntimeConfig,
  logger = new MonitorLogger(config.env),
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger,
    bodyParser: false,
  });
  // First, so that every later step of a request (body parsing included) logs with its id.
  app.use(requestLogging);
  // A webhook delivery's signature covers its exact bytes: read them before any parser, up to the cap, and
  // answer it before Nest's router (webhook-receiver.handler.ts).
  app.use(
    '/api/webhooks',
    rawWebhookBody(config.env.webhookMaxBodyBytes),
    webhookReceiverHandler(app.get(WebhookReceiverService)),
  );
  // JSON Schemas and request bodies can be large; far beyond this is a mistake or an attack. A webhook delivery
  // (read above, perhaps not to its end when over its cap) is never parsed here.
  app.useBodyParser('json', { limit: '1mb', type: isJsonOutsideWebhooks });
  app.useGlobalInterceptors(new RequestContextInterceptor());
  app.disable('x-powered-by');
  app.setGlobalPrefix('api', { exclude: ['health', 'ready', 'metrics'] });
  return app;
}
