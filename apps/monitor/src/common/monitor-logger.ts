import { ConsoleLogger } from '@nestjs/common';

/** Nest's start-up chatter (one line per module and route) is noise at the default level; keep it for debug. */
const CHATTY_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

export class MonitorLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && CHATTY_CONTEXTS.has(context) && !this.isLevelEnabled('debug')) return;
    super.log(message, context);
  }
}
