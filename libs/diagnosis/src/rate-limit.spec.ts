import { parseRateLimit, parseResetTime, parseRetryAfter } from './rate-limit';

const now = new Date('2026-11-25T10:00:00.000Z');
const inSeconds = (s: number) => new Date(now.getTime() + s * 1000);
const epoch = Math.floor(now.getTime() / 1000);

describe(parseRateLimit.name, () => {
  it.each<[string, Record<string, string>, Record<string, unknown> | null]>([
    ['no rate-limit headers', { 'content-type': 'application/json' }, null],
    [
      'X-RateLimit-* with epoch seconds',
      {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '12',
        'x-ratelimit-reset': String(epoch + 540),
      },
      { limit: 5000, remaining: 12, resetAt: inSeconds(540) },
    ],
    [
      'X-RateLimit-Reset in epoch milliseconds',
      { 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': String(now.getTime() + 60_000) },
      { remaining: 1, resetAt: inSeconds(60) },
    ],
    [
      'X-RateLimit-Reset as seconds from now',
      { 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '30' },
      { limit: 100, remaining: 0, resetAt: inSeconds(30) },
    ],
    [
      'X-Rate-Limit-* (Twitter)',
      {
        'x-rate-limit-limit': '900',
        'x-rate-limit-remaining': '899',
        'x-rate-limit-reset': String(epoch + 900),
      },
      { limit: 900, remaining: 899, resetAt: inSeconds(900) },
    ],
    [
      'RateLimit-* (IETF draft, delta seconds even when large)',
      { 'ratelimit-limit': '100', 'ratelimit-remaining': '7', 'ratelimit-reset': '2000000000' },
      { limit: 100, remaining: 7, resetAt: inSeconds(2_000_000_000) },
    ],
    [
      'structured RateLimit with RateLimit-Policy',
      { ratelimit: '"default";r=50;t=30', 'ratelimit-policy': '"default";q=100;w=60' },
      { limit: 100, remaining: 50, resetAt: inSeconds(30), resource: 'default' },
    ],
    [
      'structured RateLimit, the tightest of several budgets',
      {
        ratelimit: '"hour";r=900;t=3000, "burst";r=2;t=5',
        'ratelimit-policy': '"hour";q=1000, "burst";q=10',
      },
      { limit: 10, remaining: 2, resetAt: inSeconds(5), resource: 'burst' },
    ],
    [
      'draft-6 RateLimit in one header',
      { ratelimit: 'limit=100, remaining=40, reset=20' },
      { remaining: 40, resetAt: inSeconds(20) },
    ],
    [
      'GitHub used and resource',
      {
        'x-ratelimit-limit': '60',
        'x-ratelimit-used': '60',
        'x-ratelimit-resource': 'core',
        'x-ratelimit-reset': String(epoch + 120),
      },
      { limit: 60, remaining: 0, resource: 'core', resetAt: inSeconds(120) },
    ],
    [
      'a limit header with a policy appended',
      { 'x-ratelimit-limit': '100, 100;w=60', 'x-ratelimit-remaining': '99' },
      { limit: 100, remaining: 99 },
    ],
    [
      'Go-style duration resets (OpenAI)',
      {
        'x-ratelimit-limit-requests': '60',
        'x-ratelimit-remaining-requests': '59',
        'x-ratelimit-reset-requests': '1m30s',
      },
      { limit: 60, remaining: 59, resetAt: inSeconds(90) },
    ],
    ['Shopify used/limit', { 'x-shopify-shop-api-call-limit': '38/40' }, { limit: 40, remaining: 2 }],
    ['Retry-After alone', { 'retry-after': '120' }, { retryAfterSeconds: 120, limit: null, remaining: null }],
    ['Azure retry-after-ms', { 'retry-after-ms': '1500' }, { retryAfterSeconds: 2 }],
    ['Azure x-ms-retry-after-ms', { 'x-ms-retry-after-ms': '30000' }, { retryAfterSeconds: 30 }],
    [
      'Retry-After wins over retry-after-ms',
      { 'retry-after': '5', 'retry-after-ms': '1500' },
      { retryAfterSeconds: 5 },
    ],
  ])('%s', (_label, headers, expected) => {
    const result = parseRateLimit(headers, now);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toMatchObject(expected);
  });
});

describe(parseRetryAfter.name, () => {
  it.each<[string | undefined, number | null]>([
    ['30', 30],
    ['2.0', 2],
    ['0.5', 1],
    ['120.5', 121],
    ['-5', null],
    ['Wed, 25 Nov 2026 10:02:00 GMT', 120],
    ['Wed, 25 Nov 2026 09:00:00 GMT', 0],
    ['soon', null],
    [undefined, null],
  ])('%s → %s', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });
});

describe(parseResetTime.name, () => {
  it('reads an ISO date', () => {
    expect(parseResetTime('2026-11-25T10:05:00Z', now)).toEqual(inSeconds(300));
  });
});
