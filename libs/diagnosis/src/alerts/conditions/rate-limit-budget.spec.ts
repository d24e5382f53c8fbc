import type { AlertRule } from '../alert-rule';
import type { EvaluatedResult } from '../evaluated-result';
import type { ConditionVerdict } from './condition-input';
import { checkRateLimitBudget } from './rate-limit-budget';

const now = new Date('2026-11-25T14:00:00.000Z');
const condition = { type: 'rateLimitBudget' as const, belowPercent: 10 };
const rule: AlertRule = {
  id: 'r',
  name: 'Budget',
  condition,
  scope: {},
  minSeverity: 'degraded',
  renotifyMinutes: null,
};

const result = (rateLimit: EvaluatedResult['rateLimit']): EvaluatedResult => ({
  integration: { id: 'int-1', name: 'Payments API', tags: [] },
  startedAt: now,
  status: 'up',
  category: null,
  message: '',
  troubleshooting: [],
  httpStatus: 200,
  totalMs: 100,
  rateLimit,
  tokenExpiresAt: null,
  certificateExpiresAt: null,
});
const resetAt = new Date('2026-11-25T14:32:00.000Z');

describe(checkRateLimitBudget.name, () => {
  it.each<[string, EvaluatedResult['rateLimit'], Partial<ConditionVerdict>]>([
    ['no reading: unknown, it neither fires nor resolves', null, { kind: 'unknown' }],
    ['no limit: unknown', { limit: null, remaining: 3, resetAt }, { kind: 'unknown' }],
    ['no remaining: unknown', { limit: 5000, remaining: null, resetAt }, { kind: 'unknown' }],
    ['plenty left clears', { limit: 5000, remaining: 4000, resetAt }, { kind: 'clear' }],
    ['exactly 10 % is not under 10 %', { limit: 5000, remaining: 500, resetAt }, { kind: 'clear' }],
    [
      'under 10 % is met, degraded, with the reset time',
      { limit: 5000, remaining: 499, resetAt },
      {
        kind: 'met',
        cause: expect.objectContaining({
          category: 'rate_limiting',
          severity: 'degraded',
          message: '499 of 5,000 requests left, under 10 % of the budget; it resets at 14:32 UTC.',
        }),
      },
    ],
    [
      'used up is down',
      { limit: 5000, remaining: 0, resetAt: null },
      {
        kind: 'met',
        cause: expect.objectContaining({
          severity: 'down',
          message: '0 of 5,000 requests left, under 10 % of the budget.',
        }),
      },
    ],
  ])('%s', (_, rateLimit, expected) => {
    expect(
      checkRateLimitBudget(condition, { rule, result: result(rateLimit), now, current: null }).verdict,
    ).toMatchObject(expected);
  });
});
