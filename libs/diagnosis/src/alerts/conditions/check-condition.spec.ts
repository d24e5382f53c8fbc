import type { AlertRule } from '../alert-rule';
import type { EvaluatedResult } from '../evaluated-result';
import { checkCondition } from './check-condition';
import type { ConditionVerdict } from './condition-input';

const now = new Date('2026-11-25T10:00:00.000Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

const rule = (overrides: Partial<AlertRule>): AlertRule => ({
  id: 'r',
  name: 'r',
  condition: { type: 'expiry', withinDays: 7 },
  scope: {},
  minSeverity: 'degraded',
  renotifyMinutes: null,
  ...overrides,
});

const result = (overrides: Partial<EvaluatedResult>): EvaluatedResult => ({
  integration: { id: 'int-1', name: 'Payments API', tags: ['payments'] },
  startedAt: now,
  status: 'degraded',
  category: 'authentication',
  message: 'Bearer token expires in 3 d.',
  troubleshooting: [],
  httpStatus: 200,
  totalMs: 100,
  rateLimit: { limit: 5000, remaining: 10, resetAt: null },
  tokenExpiresAt: inDays(3),
  certificateExpiresAt: null,
  ...overrides,
});

describe(checkCondition.name, () => {
  it.each<[string, AlertRule, Partial<EvaluatedResult>, ConditionVerdict['kind']]>([
    ['an expiring token under a degraded rule is met', rule({}), {}, 'met'],
    [
      'an expiring token is degraded: a down rule does not count it',
      rule({ minSeverity: 'down' }),
      {},
      'clear',
    ],
    [
      'an expired token is down: a down rule counts it',
      rule({ minSeverity: 'down' }),
      { tokenExpiresAt: inDays(-1) },
      'met',
    ],
    [
      'a low budget is rate limiting: a rule for authentication only does not count it',
      rule({
        condition: { type: 'rateLimitBudget', belowPercent: 10 },
        scope: { categories: ['authentication'] },
      }),
      {},
      'clear',
    ],
    [
      'a rule for other tags does not count this integration’s expiry',
      rule({ scope: { tags: ['search'] } }),
      {},
      'clear',
    ],
    ['a rule for this integration’s id counts it', rule({ scope: { integrationIds: ['int-1'] } }), {}, 'met'],
  ])('%s', (_, alertRule, overrides, expected) => {
    const { verdict } = checkCondition(null, {
      rule: alertRule,
      result: result(overrides),
      now,
      current: null,
    });
    expect(verdict.kind).toBe(expected);
  });
});
