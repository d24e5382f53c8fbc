import { prettyLine } from './pretty-line';

const line = (fields: Record<string, unknown>) =>
  prettyLine(JSON.stringify({ level: 'warn', time: '2026-01-02T03:04:05.006Z', ...fields }));

describe(prettyLine.name, () => {
  it('puts time, level, context and message first, then the other fields', () => {
    expect(line({ context: 'Delivery', msg: 'Channel slow', channelId: 'c1', attempts: 3 })).toBe(
      '2026-01-02T03:04:05.006Z WARN  [Delivery] Channel slow channelId=c1 attempts=3\n',
    );
  });

  it('quotes a value with spaces or quotes, and writes an object as JSON', () => {
    expect(line({ msg: 'm', reason: 'timed out', detail: { a: 1 } })).toBe(
      '2026-01-02T03:04:05.006Z WARN  m reason="timed out" detail={"a":1}\n',
    );
  });

  it('writes the stack of `err` below the line, and an `err` without one as a field', () => {
    expect(line({ msg: 'failed', err: { type: 'Error', stack: 'Error: failed\n    at x (a.js:1:1)' } })).toBe(
      '2026-01-02T03:04:05.006Z WARN  failed\nError: failed\n    at x (a.js:1:1)\n',
    );
    expect(line({ msg: 'failed', err: { code: 'E1' } })).toBe(
      '2026-01-02T03:04:05.006Z WARN  failed err={"code":"E1"}\n',
    );
  });
});
