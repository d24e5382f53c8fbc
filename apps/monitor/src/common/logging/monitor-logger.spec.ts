import { Logger, type LogLevel } from '@nestjs/common';
import { MonitorLogger, type LogSettings } from './monitor-logger';
import { runInRequestContext } from './request-context';

function capture(settings: Partial<LogSettings> = {}) {
  const lines: string[] = [];
  const logger = new MonitorLogger(
    { logLevel: 'log', logFormat: 'json', ...settings },
    { write: (line) => lines.push(line) },
  );
  const json = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, lines, json };
}

describe(MonitorLogger.name, () => {
  it('writes one JSON line per call: level, time, context, msg', () => {
    const { logger, lines, json } = capture();
    logger.log('Worker started', 'Scheduler');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/\n$/);
    expect(json()[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      context: 'Scheduler',
      msg: 'Worker started',
    });
  });

  it("is what Nest's `new Logger(context)` writes through", () => {
    const { logger, json } = capture();
    Logger.overrideLogger(logger);
    new Logger('Delivery').warn('Channel unreachable');
    new Logger('Delivery').error('Delivery failed');
    expect(json()).toMatchObject([
      { level: 'warn', context: 'Delivery', msg: 'Channel unreachable' },
      { level: 'error', context: 'Delivery', msg: 'Delivery failed' },
    ]);
  });

  it.each<[LogLevel, string[]]>([
    ['error', ['error']],
    ['warn', ['error', 'warn']],
    ['log', ['error', 'warn', 'info']],
    ['debug', ['error', 'warn', 'info', 'debug']],
    ['verbose', ['error', 'warn', 'info', 'debug', 'trace']],
  ])('LOG_LEVEL=%s writes %j', (logLevel, levels) => {
    const { logger, json } = capture({ logLevel });
    logger.error('e');
    logger.warn('w');
    logger.log('l');
    logger.debug('d');
    logger.verbose('v');
    expect(json().map((line) => line.level)).toEqual(levels);
  });

  it("keeps Nest's start-up chatter for debug", () => {
    const quiet = capture();
    quiet.logger.log('AppModule dependencies initialized', 'InstanceLoader');
    quiet.logger.log('Mapped {/api/overview, GET} route', 'RouterExplorer');
    expect(quiet.lines).toEqual([]);

    const debug = capture({ logLevel: 'debug' });
    debug.logger.log('AppModule dependencies initialized', 'InstanceLoader');
    expect(debug.json()).toMatchObject([{ level: 'debug', context: 'InstanceLoader' }]);
  });

  it('keeps the stack of an error in `err`, whether given the error or its stack', () => {
    const { logger, json } = capture();
    const error = new Error('connection reset');
    logger.error(error, 'HTTP');
    logger.error('Check failed', error.stack, 'Scheduler');
    const [given, stack] = json();
    expect(given).toMatchObject({ context: 'HTTP', msg: 'connection reset', err: { stack: error.stack } });
    expect(stack).toMatchObject({ context: 'Scheduler', msg: 'Check failed', err: { stack: error.stack } });
  });

  it('adds the request being handled: reqId, caller, integrationId', () => {
    const { logger, json } = capture();
    const context = { reqId: 'req-1', caller: 'token:7', integrationId: 'c0ffee' };
    runInRequestContext(context, () => logger.log('during', 'Probe'));
    logger.log('after', 'Probe');
    expect(json()).toEqual([
      expect.objectContaining({ reqId: 'req-1', caller: 'token:7', integrationId: 'c0ffee', msg: 'during' }),
      expect.not.objectContaining({ reqId: expect.anything() }),
    ]);
  });

  it('merges a plain object into the line, with credentials redacted two levels down', () => {
    const { logger, lines, json } = capture();
    logger.log(
      {
        msg: 'token request failed',
        status: 401,
        clientSecret: 'secret-1',
        headers: { cookie: 'secret-2' },
        err: { config: { password: 'secret-3', apiKey: 'secret-4' } },
      },
      'OAuth',
    );
    expect(json()[0]).toMatchObject({ msg: 'token request failed', status: 401, context: 'OAuth' });
    expect(lines.join('')).not.toMatch(/secret-\d/);
  });

  it('LOG_FORMAT=pretty writes a line for people, the stack below it', () => {
    const { logger, lines } = capture({ logFormat: 'pretty' });
    runInRequestContext({ reqId: 'req-1', caller: 'API_TOKEN' }, () =>
      logger.log({ msg: 'request completed', method: 'GET', path: '/api/overview' }, 'HTTP'),
    );
    const error = new Error('boom');
    logger.error(error, 'HTTP');
    expect(() => JSON.parse(lines[0]!)).toThrow();
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\dT[\d:.]+Z INFO {2}\[HTTP\] request completed reqId=req-1 caller=API_TOKEN method=GET path=\/api\/overview\n$/,
    );
    expect(lines[1]).toMatch(/^\S+ ERROR \[HTTP\] boom\nError: boom\n\s+at /);
  });
});
