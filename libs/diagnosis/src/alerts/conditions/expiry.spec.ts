import type { AlertRule } from '../alert-rule';
import type { EvaluatedResult } from '../evaluated-result';
import type { ConditionVerdict } from './condition-input';
import { checkExpiry } from './expiry';

const now = new Date('2026-11-25T10:00:00.000Z');
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);
const condition = { type: 'expiry' as const, withinDays: 7 };
const rule: AlertRule = {
  id: 'r',
  name: 'Expiry',
  condition,
  scope: {},
  minSeverity: 'degraded',
  renotifyMinutes: null,
};

const result = (overrides: Partial<EvaluatedResult>): EvaluatedResult => ({
  integration: { id: 'int-1', name: 'Payments API', tags: [] },
  startedAt: now,
  status: 'up',
  category: null,
  message: '',
  troubleshooting: [],
  httpStatus: 200,
  totalMs: 100,
  rateLimit: null,
  tokenExpiresAt: null,
  certificateExpiresAt: null,
  ...overrides,
});

describe(checkExpiry.name, () => {
  it.each<[string, Partial<EvaluatedResult>, Partial<ConditionVerdict>]>([
    [
      'a token expiring within the days is met, degraded, as authentication',
      { tokenExpiresAt: inDays(3) },
      {
        kind: 'met',
        cause: expect.objectContaining({
          category: 'authentication',
          severity: 'degraded',
          message: 'The bearer token expires in 3 d (2026-11-28 10:00 UTC).',
        }),
      },
    ],
    ['a token expiring later clears', { tokenExpiresAt: inDays(8) }, { kind: 'clear' }],
    ['exactly 7 days away is not within 7 days', { tokenExpiresAt: inDays(7) }, { kind: 'clear' }],
    [
      'an expired token is down',
      { tokenExpiresAt: new Date(now.getTime() - 2 * 3_600_000) },
      {
        kind: 'met',
        cause: expect.objectContaining({
          severity: 'down',
          message: 'The bearer token expired 2 h ago (2026-11-25 08:00 UTC).',
        }),
      },
    ],
    [
      'a certificate expiring within the days is connectivity',
      { certificateExpiresAt: inDays(5) },
      {
        kind: 'met',
        cause: expect.objectContaining({
          category: 'connectivity',
          message: 'The TLS certificate expires in 5 d (2026-11-30 10:00 UTC).',
        }),
      },
    ],
    [
      'both expiring: the sooner one',
      { tokenExpiresAt: inDays(6), certificateExpiresAt: inDays(2) },
      { kind: 'met', cause: expect.objectContaining({ category: 'connectivity' }) },
    ],
    ['nothing expiring, with a response: clear', {}, { kind: 'clear' }],
    [
      'no response and no certificate seen: unknown, the renewal is not proven',
      { httpStatus: null, status: 'down', category: 'connectivity' },
      { kind: 'unknown' },
    ],
    [
      'no response, but a far certificate was seen: clear',
      { httpStatus: null, certificateExpiresAt: inDays(60) },
      { kind: 'clear' },
    ],
  ])('%s', (_, overrides, expected) => {
    expect(
      checkExpiry(condition, { rule, result: result(overrides), now, current: null }).verdict,
    ).toMatchObject(expected);
  });
});
