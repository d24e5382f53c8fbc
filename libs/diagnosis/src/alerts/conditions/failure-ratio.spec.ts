import type { Category } from '../../categories';
import type { AlertRule } from '../alert-rule';
import type { AlertCause } from '../alert';
import type { EvaluatedResult } from '../evaluated-result';
import type { ConditionVerdict } from './condition-input';
import { checkFailureRatio, type FailureRatioMemory } from './failure-ratio';
import { MAX_WINDOW_SAMPLES } from './window';

const BASE = Date.parse('2026-11-25T10:00:00.000Z');
const at = (minute: number) => new Date(BASE + minute * 60_000);

const ruleFor = (windowMinutes: number, scope: AlertRule['scope'] = {}): AlertRule => ({
  id: 'r',
  name: 'More than 20 % failed',
  condition: { type: 'failureRatio', percent: 20, windowMinutes },
  scope,
  minSeverity: 'degraded',
  renotifyMinutes: null,
});

// One character per minute: `.` up, `e` a 500, `u` a 503, `a` a 401.
const CATEGORY: Record<string, Category | null> = {
  '.': null,
  e: 'server_error',
  u: 'service_unavailable',
  a: 'authentication',
};

const result = (symbol: string, minute: number): EvaluatedResult => {
  const category = CATEGORY[symbol] ?? null;
  return {
    integration: { id: 'int-1', name: 'Payments API', tags: [] },
    startedAt: at(minute),
    status: category ? 'down' : 'up',
    category,
    message: `${symbol} at ${minute}.`,
    troubleshooting: category ? [`Look into ${category}.`] : [],
    httpStatus: 200,
    totalMs: 100,
    rateLimit: null,
    tokenExpiresAt: null,
    certificateExpiresAt: null,
  };
};

function run(rule: AlertRule, probes: string, current: AlertCause | null = null) {
  let memory: FailureRatioMemory | null = null;
  let verdict: ConditionVerdict = { kind: 'unknown' };
  if (rule.condition.type !== 'failureRatio') throw new Error('a failureRatio rule');
  const { condition } = rule;
  [...probes].forEach((symbol, minute) => {
    ({ memory, verdict } = checkFailureRatio(condition, memory, {
      rule,
      result: result(symbol, minute),
      now: at(minute),
      current,
    }));
  });
  return { memory: memory as FailureRatioMemory | null, verdict };
}

const current = (category: Category): AlertCause => ({
  category,
  severity: 'down',
  message: '',
  troubleshooting: [],
});

describe(checkFailureRatio.name, () => {
  it.each<[string, AlertRule, string, AlertCause | null, Partial<ConditionVerdict>]>([
    ['no failure clears', ruleFor(15), '.....', null, { kind: 'clear' }],
    ['one failed probe of one is pending, not met', ruleFor(15), 'e', null, { kind: 'pending' }],
    [
      'four of four failed is still pending: fewer than five probes',
      ruleFor(15),
      'eeee',
      null,
      { kind: 'pending' },
    ],
    ['one in five is 20 %, not more: clear', ruleFor(15), '....e', null, { kind: 'clear' }],
    ['two in five is met', ruleFor(15), '...ee', null, { kind: 'met' }],
    [
      'a failure the rule does not count is a passing probe',
      ruleFor(15, { categories: ['authentication'] }),
      'eeeee',
      null,
      { kind: 'clear' },
    ],
    ['failures of the window only: older ones have left', ruleFor(5), 'eeee......', null, { kind: 'clear' }],
    [
      'the message states the ratio, then the newest failure of the main category',
      ruleFor(15),
      '...eeu.e',
      null,
      {
        kind: 'met',
        cause: {
          category: 'server_error',
          severity: 'down',
          message: '4 of 8 probes failed in the last 15 min (more than 20 %). Latest: e at 7.',
          troubleshooting: ['Look into server_error.'],
        },
      },
    ],
    [
      'a tie goes to the most recent category',
      ruleFor(15),
      '...eeuu',
      null,
      { kind: 'met', cause: expect.objectContaining({ category: 'service_unavailable' }) },
    ],
    [
      'a tie keeps the open alert’s category',
      ruleFor(15),
      '...eeuu',
      current('server_error'),
      { kind: 'met', cause: expect.objectContaining({ category: 'server_error' }) },
    ],
    [
      'a majority takes over from the open alert’s category',
      ruleFor(15),
      '...eeuuu',
      current('server_error'),
      { kind: 'met', cause: expect.objectContaining({ category: 'service_unavailable' }) },
    ],
  ])('%s', (_, rule, probes, open, expected) => {
    expect(run(rule, probes, open).verdict).toMatchObject(expected);
  });

  it('remembers only the window: the samples inside it and the causes of its categories', () => {
    const { memory } = run(ruleFor(5), 'aaee....');
    expect(memory?.samples.map((s) => s.category)).toEqual(['server_error', null, null, null, null]);
    expect(memory?.causes.map((c) => c.category)).toEqual(['server_error']);
  });

  it(`keeps at most ${MAX_WINDOW_SAMPLES} samples however long the window`, () => {
    const { memory } = run(ruleFor(24 * 60), '.'.repeat(1200));
    expect(memory?.samples).toHaveLength(MAX_WINDOW_SAMPLES);
    expect(memory?.samples[0]?.at).toEqual(at(200));
  });
});
