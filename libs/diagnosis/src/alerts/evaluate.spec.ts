import type { Category } from '../categories';
import type { ProbeStatus } from '../status';
import { acknowledgeAlert } from './acknowledge';
import { type AlertRule, DEFAULT_CONSECUTIVE_FAILURES } from './alert-rule';
import type { AlertState } from './alert-state';
import type { EvaluatedResult } from './evaluated-result';
import { evaluateAlert, evaluateClock } from './evaluate';
import type { AlertNotification } from './notification';

const BASE = Date.parse('2026-11-25T10:00:00.000Z');
const at = (minute: number) => new Date(BASE + minute * 60_000);
const minuteOf = (date: Date) => (date.getTime() - BASE) / 60_000;

const integration = { id: 'int-1', name: 'Payments API', tags: ['payments'] };

function rule(overrides: Partial<AlertRule> = {}): AlertRule {
  return {
    id: 'rule-1',
    name: 'Three failures',
    condition: { type: 'consecutiveFailures', ...DEFAULT_CONSECUTIVE_FAILURES },
    scope: {},
    minSeverity: 'degraded',
    renotifyMinutes: null,
    ...overrides,
  };
}

const consecutive = (count: number, recoverCount = 1): AlertRule['condition'] => ({
  type: 'consecutiveFailures',
  count,
  recoverCount,
});

// One character per minute: a probe's result, a space for a minute without a probe, K for an
// acknowledgement by "ana", or c for the clock ticking with no result (evaluateClock).
const PROBES: Record<string, [ProbeStatus, Category | null, string]> = {
  '.': ['up', null, 'OK (200)'],
  x: ['down', 'connectivity', 'DNS lookup of api.example.com failed: no such host (ENOTFOUND).'],
  '~': ['degraded', 'network_timeout', 'Slow: the exchange took 2,400 ms, over the 2,000 ms threshold.'],
  a: ['down', 'authentication', 'Bearer token expired 2 h ago (401 invalid_token).'],
  r: ['down', 'rate_limiting', 'Rate limit exceeded (429), retry after 30 s.'],
  e: ['down', 'server_error', 'Internal server error (500).'],
  u: ['down', 'service_unavailable', 'Service unavailable (503).'],
};

function probe(symbol: string, minute: number): EvaluatedResult {
  const [status, category, message] = PROBES[symbol] ?? PROBES['.']!;
  return {
    integration,
    startedAt: at(minute),
    status,
    category,
    message,
    troubleshooting: category ? [`Look into ${category}.`] : [],
    httpStatus: status === 'up' ? 200 : null,
    totalMs: 120,
    rateLimit: null,
    tokenExpiresAt: null,
    certificateExpiresAt: null,
  };
}

function describeNotification(n: AlertNotification): string {
  const change = n.kind === 'category_changed' ? ` ${n.previousCategory}→${n.category}` : '';
  return `${minuteOf(n.at)} ${n.kind}${change}`;
}

function play(alertRule: AlertRule, timeline: string) {
  let state: AlertState | null = null;
  const notifications: AlertNotification[] = [];
  [...timeline].forEach((symbol, minute) => {
    if (symbol === ' ') return;
    if (symbol === 'K') {
      if (state) state = acknowledgeAlert(state, 'ana', at(minute));
      return;
    }
    if (symbol === 'c' && !state) return;
    const evaluation =
      symbol === 'c' && state
        ? evaluateClock(alertRule, state, integration, at(minute))
        : evaluateAlert(alertRule, state, probe(symbol, minute), at(minute));
    state = evaluation.state;
    notifications.push(...evaluation.notifications);
  });
  return { state: state as AlertState | null, notifications, log: notifications.map(describeNotification) };
}

describe(evaluateAlert.name, () => {
  describe('consecutive failures: one notification per transition', () => {
    it.each<[string, AlertRule, string, string[]]>([
      ['by default, fires on the third failure in a row', rule(), 'xxx', ['2 firing']],
      ['says nothing more while it keeps failing', rule(), 'xxxxxxxx', ['2 firing']],
      ['by default, resolves on the first good probe', rule(), 'xxx.', ['2 firing', '3 resolved']],
      ['two failures then a good probe: the pending alert lapses unannounced', rule(), 'xx.', []],
      ['failures that never reach three in a row never fire', rule(), 'xx.xx.xx.', []],
      ['count 1 fires on the first failure', rule({ condition: consecutive(1) }), 'x', ['0 firing']],
      [
        'recoverCount 2: one good probe between failures keeps it firing',
        rule({ condition: consecutive(3, 2) }),
        'xxx.x.x',
        ['2 firing'],
      ],
      [
        'recoverCount 2: two good probes in a row resolve',
        rule({ condition: consecutive(3, 2) }),
        'xxx..',
        ['2 firing', '4 resolved'],
      ],
      ['fires again after resolving', rule(), 'xxx.xxx', ['2 firing', '3 resolved', '6 firing']],
      ['a minSeverity degraded rule counts degraded results', rule(), '~~~', ['2 firing']],
      ['a minSeverity down rule ignores degraded results', rule({ minSeverity: 'down' }), '~~~', []],
      [
        'a minSeverity down rule resolves when the integration works again, even degraded',
        rule({ minSeverity: 'down' }),
        'xxx~',
        ['2 firing', '3 resolved'],
      ],
      [
        'a category filter ignores other categories',
        rule({ scope: { categories: ['authentication'] } }),
        'xxx',
        [],
      ],
      [
        'a category filter fires on its own category',
        rule({ scope: { categories: ['authentication'] } }),
        'aaa',
        ['2 firing'],
      ],
      [
        'a category filter resolves when the failure turns into another category',
        rule({ scope: { categories: ['authentication'] } }),
        'aaax',
        ['2 firing', '3 resolved'],
      ],
      ['a rule for other tags never fires here', rule({ scope: { tags: ['search'] } }), 'xxx', []],
      ['a rule for this tag fires', rule({ scope: { tags: ['payments'] } }), 'xxx', ['2 firing']],
    ])('%s', (_, alertRule, timeline, expected) => {
      expect(play(alertRule, timeline).log).toEqual(expected);
    });
  });

  describe('a category change while firing is announced', () => {
    it.each<[string, string, string[]]>([
      ['401 became 429', 'aaarrr', ['2 firing', '5 category_changed authentication→rate_limiting']],
      ['the new category must fail as often in a row as firing needs', 'aaarr', ['2 firing']],
      ['an API alternating 500 and 503 does not announce every probe', 'eeeueueueu', ['2 firing']],
      [
        'a change back is announced too',
        'aaarrraaa',
        [
          '2 firing',
          '5 category_changed authentication→rate_limiting',
          '8 category_changed rate_limiting→authentication',
        ],
      ],
    ])('%s', (_, timeline, expected) => {
      expect(play(rule(), timeline).log).toEqual(expected);
    });

    it('the alert then carries the new category, message and steps', () => {
      const { state } = play(rule(), 'aaarrr');
      expect(state?.alert).toMatchObject({
        state: 'firing',
        cause: {
          category: 'rate_limiting',
          message: PROBES.r![2],
          troubleshooting: ['Look into rate_limiting.'],
        },
      });
    });
  });

  describe('re-notification of a firing alert', () => {
    const hourly = rule({ renotifyMinutes: 60 });
    it.each<[string, AlertRule, string, string[]]>([
      ['after renotifyMinutes', hourly, 'xxx' + 'x'.repeat(60), ['2 firing', '62 renotify']],
      [
        'every renotifyMinutes while it fires',
        hourly,
        'xxx' + 'x'.repeat(120),
        ['2 firing', '62 renotify', '122 renotify'],
      ],
      ['never when renotifyMinutes is null', rule(), 'xxx' + 'x'.repeat(120), ['2 firing']],
      ['not before renotifyMinutes', hourly, 'xxx' + 'x'.repeat(59), ['2 firing']],
      [
        'counted from the last notification, a category change included',
        hourly,
        'aaa' + 'a'.repeat(40) + 'rrr' + 'r'.repeat(60),
        ['2 firing', '45 category_changed authentication→rate_limiting', '105 renotify'],
      ],
      ['not once acknowledged', hourly, 'xxxK' + 'x'.repeat(120), ['2 firing']],
      [
        'an acknowledged alert still announces a category change',
        hourly,
        'aaaKrrr',
        ['2 firing', '6 category_changed authentication→rate_limiting'],
      ],
      [
        'an acknowledged alert still announces its resolution, and the next alert re-notifies',
        hourly,
        'xxxK.xxx' + 'x'.repeat(60),
        ['2 firing', '4 resolved', '7 firing', '67 renotify'],
      ],
    ])('%s', (_, alertRule, timeline, expected) => {
      expect(play(alertRule, timeline).log).toEqual(expected);
    });
  });

  describe('flapping (defaults: more than 5 transitions in 60 min, stable after 30 min)', () => {
    const instant = rule({ condition: consecutive(1) });
    const flips = 'x.x.x.x.x.'; // transitions at minutes 0 to 9
    const announcedFlips = ['0 firing', '1 resolved', '2 firing', '3 resolved', '4 firing', '5 flapping'];
    it.each<[string, AlertRule, string, string[]]>([
      ['the sixth transition is announced as flapping, once', instant, 'x.x.x.', announcedFlips],
      ['then nothing while it keeps flipping', instant, flips + 'x.x.', announcedFlips],
      [
        'stable for 30 min while working: it resolves',
        instant,
        flips + '.'.repeat(30),
        [...announcedFlips, '39 resolved'],
      ],
      [
        'stable for 30 min while failing: it fires, as it is',
        instant,
        flips + 'x'.repeat(31),
        [...announcedFlips, '40 firing'],
      ],
      ['29 min is not yet stable', instant, flips + '.'.repeat(29), announcedFlips],
      [
        'flipping again soon after, with the hour still full of transitions, is flapping again',
        instant,
        flips + '.'.repeat(30) + 'x',
        [...announcedFlips, '39 resolved', '40 flapping'],
      ],
      [
        'once the hour has no more transitions, notifications are normal',
        instant,
        flips + '.'.repeat(60) + 'x',
        [...announcedFlips, '39 resolved', '70 firing'],
      ],
      [
        'a transition that flaps while firing opens the flapping alert',
        rule({ condition: consecutive(1), flapping: { maxTransitions: 4 } }),
        'x.x.x',
        ['0 firing', '1 resolved', '2 firing', '3 resolved', '4 flapping'],
      ],
      [
        'transitions spread wider than the window never flap',
        instant,
        ('x' + ' '.repeat(14) + '.' + ' '.repeat(14)).repeat(4),
        [
          '0 firing',
          '15 resolved',
          '30 firing',
          '45 resolved',
          '60 firing',
          '75 resolved',
          '90 firing',
          '105 resolved',
        ],
      ],
      [
        'stableMinutes is the rule’s',
        rule({ condition: consecutive(1), flapping: { stableMinutes: 10 } }),
        flips + '.'.repeat(10),
        [...announcedFlips, '19 resolved'],
      ],
    ])('%s', (_, alertRule, timeline, expected) => {
      expect(play(alertRule, timeline).log).toEqual(expected);
    });

    it('a flapping alert stays one open alert, marked flapping', () => {
      const { state } = play(instant, flips);
      expect(state?.alert).toMatchObject({
        state: 'firing',
        startedAt: at(4),
        flapping: { since: at(5), conditionMet: false },
      });
    });

    it('keeps no more transitions than flapping detection reads', () => {
      const { state } = play(instant, flips.repeat(10));
      expect(state?.transitions).toHaveLength(6);
    });
  });

  describe('time passing with no result (evaluateClock)', () => {
    const hourly = rule({ renotifyMinutes: 60 });
    const flips = 'x.x.x.x.x.';
    const quickToSettle = rule({ condition: consecutive(1), flapping: { stableMinutes: 10 } });
    const announcedFlips = ['0 firing', '1 resolved', '2 firing', '3 resolved', '4 firing', '5 flapping'];
    it.each<[string, AlertRule, string, string[]]>([
      [
        'a reminder falls due without a probe',
        hourly,
        'xxx' + ' '.repeat(59) + 'c',
        ['2 firing', '62 renotify'],
      ],
      [
        'and again an interval later',
        hourly,
        'xxx' + ' '.repeat(59) + 'c' + ' '.repeat(59) + 'c',
        ['2 firing', '62 renotify', '122 renotify'],
      ],
      ['not before it is due', hourly, 'xxx' + ' '.repeat(58) + 'c', ['2 firing']],
      ['not once acknowledged', hourly, 'xxxK' + ' '.repeat(60) + 'c', ['2 firing']],
      ['not with reminders off', rule(), 'xxx' + ' '.repeat(120) + 'c', ['2 firing']],
      [
        'nothing for a pending or resolved alert',
        hourly,
        'xx' + ' '.repeat(70) + 'c' + 'xxx.' + ' '.repeat(70) + 'c',
        ['73 firing', '76 resolved'],
      ],
      [
        'a flapping alert settles once stable, where it was',
        quickToSettle,
        flips + ' '.repeat(10) + 'c',
        [...announcedFlips, '20 resolved'],
      ],
      ['not sooner', quickToSettle, flips + ' '.repeat(8) + 'c', announcedFlips],
      [
        'a result after a clock reminder counts from it',
        hourly,
        'xxx' + ' '.repeat(59) + 'c' + 'x'.repeat(60),
        ['2 firing', '62 renotify', '122 renotify'],
      ],
    ])('%s', (_, alertRule, timeline, expected) => {
      expect(play(alertRule, timeline).log).toEqual(expected);
    });
  });

  describe('the alert lifecycle', () => {
    it.each<[string, string, Record<string, unknown> | null]>([
      ['nothing before a failure', '..', null],
      ['pending while failures have not reached the count', 'xx', { state: 'pending', startedAt: at(0) }],
      [
        'firing keeps the key and start of its pending alert',
        'xxx',
        { state: 'firing', key: `rule-1/int-1/${at(0).toISOString()}`, startedAt: at(0), firedAt: at(2) },
      ],
      [
        'resolved records when',
        'xxx.',
        { state: 'resolved', startedAt: at(0), firedAt: at(2), resolvedAt: at(3) },
      ],
      ['a lapsed pending alert is gone', 'xx.', null],
      [
        'the cause is the result that fired it',
        'xxx',
        { cause: { category: 'connectivity', severity: 'down', message: PROBES.x![2] } },
      ],
      ['an acknowledgement records who and when', 'xxxK', { acknowledged: { by: 'ana', at: at(3) } }],
    ])('%s', (_, timeline, expected) => {
      const { state } = play(rule(), timeline);
      if (expected === null) expect(state?.alert ?? null).toBeNull();
      else expect(state?.alert).toMatchObject(expected);
    });

    it('each notification carries what a channel needs, numbered per alert', () => {
      const { notifications } = play(rule(), 'xxx.');
      expect(notifications).toEqual([
        {
          kind: 'firing',
          alertKey: `rule-1/int-1/${at(0).toISOString()}`,
          sequence: 1,
          at: at(2),
          rule: { id: 'rule-1', name: 'Three failures' },
          integration,
          category: 'connectivity',
          severity: 'down',
          message: PROBES.x![2],
          troubleshooting: ['Look into connectivity.'],
          startedAt: at(0),
        },
        expect.objectContaining({
          kind: 'resolved',
          sequence: 2,
          at: at(3),
          resolvedAt: at(3),
          category: 'connectivity',
        }),
      ]);
    });

    it('a rule edited to another condition starts that condition from nothing', () => {
      const { state } = play(rule(), 'xx');
      const ratio = rule({ condition: { type: 'failureRatio', percent: 20, windowMinutes: 15 } });
      const next = evaluateAlert(ratio, state, probe('.', 2), at(2)).state;
      expect(next.condition).toEqual({
        type: 'failureRatio',
        samples: [{ at: at(2), category: null }],
        causes: [],
      });
    });
  });

  describe('window conditions follow the same lifecycle', () => {
    const ratio = (windowMinutes: number) =>
      rule({ condition: { type: 'failureRatio', percent: 20, windowMinutes } });
    it.each<[string, AlertRule, string, string[]]>([
      ['one failed probe of one stays pending', ratio(15), 'x', []],
      ['one failure in five is not more than 20 %', ratio(15), '....x', []],
      ['two in five is', ratio(15), '...xx', ['4 firing']],
      ['resolves once the ratio is back at 20 %', ratio(15), '...xx.....', ['4 firing', '9 resolved']],
      ['failures that leave the window count no more', ratio(5), 'xxxxx....', ['4 firing', '8 resolved']],
    ])('%s', (_, alertRule, timeline, expected) => {
      expect(play(alertRule, timeline).log).toEqual(expected);
    });
  });
});
