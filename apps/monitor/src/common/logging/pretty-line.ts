import type { DestinationStream } from 'pino';

interface JsonLine {
  level: string;
  time: string;
  msg?: string;
  context?: string;
  err?: { stack?: string };
  [field: string]: unknown;
}

const shown = (value: unknown): string =>
  typeof value === 'string' && /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);

/** One JSON line as a person reads it: `time LEVEL [context] message key=value…`, then the stack if any. */
export function prettyLine(json: string): string {
  const { level, time, msg, context, err, ...fields } = JSON.parse(json) as JsonLine;
  if (err && !err.stack) fields.err = err;
  const head = [time, level.toUpperCase().padEnd(5), context ? `[${context}]` : undefined, msg];
  const tail = Object.entries(fields).map(([key, value]) => `${key}=${shown(value)}`);
  const stack = err?.stack ? `\n${err.stack}` : '';
  return `${[...head, ...tail].filter(Boolean).join(' ')}${stack}\n`;
}

/** A destination that writes pino's JSON lines to `destination` as pretty ones. */
export const prettyStream = (destination: DestinationStream): DestinationStream => ({
  write: (line) => destination.write(prettyLine(line)),
});
