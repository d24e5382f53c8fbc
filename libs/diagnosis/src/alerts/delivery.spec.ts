import type { Category } from '../categories';
import type { ProbeStatus } from '../status';
import type { AlertRule } from './alert-rule';
import type { AlertState } from './alert-state';
import { deliverable, releaseHeld } from './delivery';
import type { EvaluatedResult } from './evaluated-result';
import { evaluateAlert } from './evaluate';
import type { AlertNotification } from './notification';
import type { Silence } from './silences';

const BASE = Date.parse('2026-11-25T10:00:00.000Z');
const at = (minute: number) => new Date(BASE + minute * 60_000);

const integration = { id: 'int-1', name: 'Payments API', tags: ['payments'] };
const rule: AlertRule = {
  id: 'rule-1',
  name: 'Three failures',
  condition: { type: 'consecutiveFailures', count: 3, recoverCount: 1 },
  scope: {},
  minSeverity: 'degraded',
  renotifyMinutes: null,
};

// One character per minute: `.` up, `x` connectivity, `a` authentication, `r` rate limiting.
const PROBES: Record<string, [ProbeStatus, Category | null]> = {
  '.': ['up', null],
  x: ['down', 'connectivity'],
  a: ['down', 'authentication'],
  r: ['down', 'rate_limiting'],
};

const probe = (symbol: string, minute: number): EvaluatedResult => {
  const [status, category] = PROBES[symbol] ?? ['up', null];
  return {
    integration,
    startedAt: at(minute),
    status,
    category,
    message: `${symbol} at ${minute}`,
    troubleshooting: [],
    httpStatus: 200,
    totalMs: 100,
    rateLimit: null,
    tokenExpiresAt: null,
    certificateExpiresAt: null,
  };
};

const silence = (from: number, to: number, scope: Silence['scope'] = {}): Silence => ({
  scope,
  startsAt: at(from),
  endsAt: at(to),
});

/** Evaluates each minute's probe, delivers what is not silenced, and releases what was held (the timer). */
function run(timeline: string, silences: Silence[], alertRule: AlertRule = rule) {
  let state: AlertState | null = null;
  let held: AlertNotification[] = [];
  const sent: string[] = [];
  const log = (minute: number) => (n: AlertNotification) =>
    sent.push(`${minute} ${n.kind} ${n.category} #${n.sequence}`);
  [...timeline].forEach((symbol, minute) => {
    const now = at(minute);
    const evaluation = evaluateAlert(alertRule, state, probe(symbol, minute), now);
    state = evaluation.state;
    const delivery = deliverable(evaluation.notifications, silences, now);
    delivery.send.forEach(log(minute));
    const release = releaseHeld([...held, ...delivery.held], state.alert ? [state.alert] : [], silences, now);
    release.send.forEach(log(minute));
    held = release.held;
  });
  return { sent, held };
}

describe(deliverable.name, () => {
  it('holds what a silence covers and sends the rest', () => {
    const firing = (integrationId: string, category: Category) =>
      ({ integration: { ...integration, id: integrationId }, category }) as AlertNotification;
    const notifications = [
      firing('int-1', 'connectivity'),
      firing('int-2', 'connectivity'),
      firing('int-1', 'authentication'),
    ];
    const delivery = deliverable(
      notifications,
      [silence(0, 60, { integrationIds: ['int-1'], categories: ['connectivity'] })],
      at(30),
    );
    expect(delivery).toEqual({ send: [notifications[1], notifications[2]], held: [notifications[0]] });
  });
});

describe(releaseHeld.name, () => {
  it.each<[string, string, Silence[], string[]]>([
    ['nothing is sent while silenced', 'xxx' + 'x'.repeat(10), [silence(0, 60)], []],
    [
      'an alert still firing when the silence ends is sent then',
      'xxx' + 'x'.repeat(10),
      [silence(0, 10)],
      ['10 firing connectivity #1'],
    ],
    ['an alert that fired and resolved unseen sends nothing', 'xxx..' + '.'.repeat(10), [silence(0, 10)], []],
    [
      'receivers told it fired are told it resolved, once the silence ends',
      'xxx' + 'xxxxx' + '.'.repeat(10),
      [silence(5, 15)],
      ['2 firing connectivity #1', '15 resolved connectivity #2'],
    ],
    [
      'one notification states the truth at the end: the category it has now',
      'aaa' + 'arrr' + 'r'.repeat(10),
      [silence(4, 15)],
      ['2 firing authentication #1', '15 firing rate_limiting #2'],
    ],
    [
      'a silence of another category holds nothing',
      'xxx',
      [silence(0, 60, { categories: ['authentication'] })],
      ['2 firing connectivity #1'],
    ],
    [
      'a silence of the new category holds the change until it ends',
      'aaa' + 'arrr' + 'r'.repeat(10),
      [silence(0, 10, { categories: ['rate_limiting'] })],
      ['2 firing authentication #1', '10 firing rate_limiting #2'],
    ],
  ])('%s', (_, timeline, silences, expected) => {
    expect(run(timeline, silences).sent).toEqual(expected);
  });

  it('an alert still flapping when the silence ends is sent as flapping; the alerts before it fired unseen', () => {
    const instant: AlertRule = {
      ...rule,
      condition: { type: 'consecutiveFailures', count: 1, recoverCount: 1 },
    };
    expect(run('x.x.x.x.x..', [silence(0, 10)], instant).sent).toEqual(['10 flapping connectivity #2']);
  });

  it('keeps what is still silenced, as history, for the next release', () => {
    const { held } = run('xxx' + 'x'.repeat(10), [silence(0, 60)]);
    expect(held).toEqual([expect.objectContaining({ kind: 'firing', sequence: 1, at: at(2) })]);
  });

  it('settles every held notification of a released alert, sent for or not', () => {
    const held = (['firing', 'resolved'] as const).map(
      (kind, i) =>
        ({
          kind,
          alertKey: 'k',
          sequence: i + 1,
          integration,
          category: 'connectivity',
        }) as AlertNotification,
    );
    expect(releaseHeld(held, [], [], at(5))).toEqual({ send: [], held: [], released: held });
  });
});
