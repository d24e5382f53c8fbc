import 'reflect-metadata';
import { LogLevel, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { MonitorLogger } from './common/monitor-logger';
import type { RuntimeConfig } from './config/runtime-config';

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The Nest application, configured but not listening: shared by main.ts and the integration tests. */
export async function createMonitorApp(config: RuntimeConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new MonitorLogger({
      logLevels: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.env.logLevel) + 1),
    }),
    bodyParser: false,
  });
  // JSON Schemas and request bodies can be large; far beyond this is a mistake or an attack.
  app.useBodyParser('json', { limit: '1mb' });
  app.disable('x-powered-by');
  app.setGlobalPrefix('api', { exclude: ['health', 'ready', 'metrics'] });
  app.enableShutdownHooks();
  return app;
}
