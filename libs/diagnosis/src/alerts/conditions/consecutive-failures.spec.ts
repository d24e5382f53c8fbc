import type { Category } from '../../categories';
import type { AlertRule } from '../alert-rule';
import type { AlertCause } from '../alert';
import type { EvaluatedResult } from '../evaluated-result';
import type { ConditionVerdict } from './condition-input';
import { checkConsecutiveFailures, type ConsecutiveFailuresMemory } from './consecutive-failures';

const BASE = Date.parse('2026-11-25T10:00:00.000Z');
const at = (minute: number) => new Date(BASE + minute * 60_000);
const condition = { type: 'consecutiveFailures' as const, count: 3, recoverCount: 2 };
const rule: AlertRule = {
  id: 'r',
  name: 'r',
  condition,
  scope: {},
  minSeverity: 'degraded',
  renotifyMinutes: null,
};

// One character per probe: `.` up, `e` a 500, `u` a 503.
const CATEGORY: Record<string, Category | null> = { '.': null, e: 'server_error', u: 'service_unavailable' };

const result = (symbol: string, minute: number): EvaluatedResult => {
  const category = CATEGORY[symbol] ?? null;
  return {
    integration: { id: 'int-1', name: 'Payments API', tags: [] },
    startedAt: at(minute),
    status: category ? 'down' : 'up',
    category,
    message: `${symbol} at ${minute}`,
    troubleshooting: [],
    httpStatus: category ? 500 : 200,
    totalMs: 100,
    rateLimit: null,
    tokenExpiresAt: null,
    certificateExpiresAt: null,
  };
};

function verdictAfter(probes: string, current: AlertCause | null = null): ConditionVerdict {
  let memory: ConsecutiveFailuresMemory | null = null;
  let verdict: ConditionVerdict = { kind: 'unknown' };
  [...probes].forEach((symbol, minute) => {
    ({ memory, verdict } = checkConsecutiveFailures(condition, memory, {
      rule,
      result: result(symbol, minute),
      now: at(minute),
      current,
    }));
  });
  return verdict;
}

const firingOn500: AlertCause = {
  category: 'server_error',
  severity: 'down',
  message: 'e at 0',
  troubleshooting: [],
};

describe(checkConsecutiveFailures.name, () => {
  it.each<[string, string, AlertCause | null, Partial<ConditionVerdict> & { message?: string }]>([
    ['a failure short of the count is pending', 'ee', null, { kind: 'pending' }],
    ['the count reached is met, with the newest failure', 'eee', null, { kind: 'met', message: 'e at 2' }],
    ['one good probe of the two that resolve is recovering', 'eee.', null, { kind: 'recovering' }],
    ['two good probes clear', 'eee..', null, { kind: 'clear' }],
    ['a good probe restarts the count', 'ee.ee', null, { kind: 'pending' }],
    ['mixed categories still count as failures in a row', 'eue', null, { kind: 'met', message: 'e at 2' }],
    [
      'a new category short of the count keeps the open alert’s cause',
      'eeeuu',
      firingOn500,
      { kind: 'met', message: 'e at 0' },
    ],
    [
      'a new category failing the count takes over',
      'eeeuuu',
      firingOn500,
      { kind: 'met', message: 'u at 5' },
    ],
  ])('%s', (_, probes, current, expected) => {
    const { message, ...kind } = expected;
    const verdict = verdictAfter(probes, current);
    expect(verdict).toMatchObject(kind);
    if (message !== undefined) expect(verdict).toMatchObject({ cause: { message } });
  });
});
