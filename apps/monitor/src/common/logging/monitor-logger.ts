import type { LoggerService, LogLevel } from '@nestjs/common';
import { pino, type DestinationStream, type Level, type Logger } from 'pino';
import { prettyStream } from './pretty-line';
import { REDACTED_PATHS } from './redacted-paths';
import { currentRequestContext } from './request-context';

export interface LogSettings {
  logLevel: LogLevel;
  logFormat: 'json' | 'pretty';
}

const PINO_LEVELS: Readonly<Record<LogLevel, Level>> = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** Nest's start-up chatter (one line per module and route) is noise at the default level; keep it for debug. */
const CHATTY_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** What ConsoleLogger takes for a stack trace among `error`'s arguments. */
const isStack = (value: unknown): value is string =>
  typeof value === 'string' && /^(.)+\n\s+at .+:\d+:\d+/.test(value);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * Nest's logger (every `new Logger(context)` writes through it) as pino JSON lines, one per call: `level`, `time`,
 * `context`, `msg`, the request's `reqId`, `caller` and `integrationId` while one is handled, `err` with its stack.
 * A plain object as the message is merged into the line. `pretty` writes the same lines for people.
 */
export class MonitorLogger implements LoggerService {
  private readonly pino: Logger;

  constructor(
    settings: LogSettings,
    destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
  ) {
    this.pino = pino(
      {
        level: PINO_LEVELS[settings.logLevel],
        base: null,
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        mixin: () => ({ ...currentRequestContext() }),
        redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
      },
      settings.logFormat === 'pretty' ? prettyStream(destination) : destination,
    );
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  /** Nest calls `(message, ...params, context?)`, and `error(message, stack?, context?)`. */
  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    const last = params.at(-1);
    const context = typeof last === 'string' && !isStack(last) ? last : undefined;
    const stack = params.find(isStack);
    const line: Record<string, unknown> = { context, ...(stack ? { err: { stack } } : {}) };
    let msg: string | undefined;
    // pino takes an error's message for `msg`, and a merged object's own `msg` if it has one.
    if (message instanceof Error) line.err = message;
    else if (isPlainObject(message)) Object.assign(line, message);
    else msg = String(message);
    const quiet = level === 'log' && context !== undefined && CHATTY_CONTEXTS.has(context);
    this.pino[PINO_LEVELS[quiet ? 'debug' : level]](line, msg);
  }
}
