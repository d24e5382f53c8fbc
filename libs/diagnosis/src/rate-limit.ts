/** A rate-limit budget as the API reported it, whatever header dialect it used. */
export interface RateLimitInfo {
  limit: number | null;
  remaining: number | null;
  resetAt: Date | null;
  retryAfterSeconds: number | null;
  /** GitHub's `x-ratelimit-resource` and the like: which budget this is. */
  resource: string | null;
}

type Headers = Readonly<Record<string, string>>;

// Epoch values are told apart from delta seconds by size: no API waits 31 years (1e9 s) for a reset, and no
// epoch-seconds timestamp of this century reaches 1e12, which epoch milliseconds always exceed.
const EPOCH_SECONDS_FLOOR = 1e9;
const EPOCH_MILLISECONDS_FLOOR = 1e12;

const LIMIT = ['x-ratelimit-limit', 'x-rate-limit-limit', 'ratelimit-limit', 'x-ratelimit-limit-requests'];
const REMAINING = [
  'x-ratelimit-remaining',
  'x-rate-limit-remaining',
  'ratelimit-remaining',
  'x-ratelimit-remaining-requests',
];
const RESET = ['x-ratelimit-reset', 'x-rate-limit-reset', 'ratelimit-reset', 'x-ratelimit-reset-requests'];
const USED = ['x-ratelimit-used', 'x-rate-limit-used'];
const RESOURCE = ['x-ratelimit-resource', 'x-rate-limit-resource'];

function first(headers: Headers, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = headers[name];
    if (value !== undefined && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** The leading number of a header value: `100`, `100, 100;w=60` (a policy appended) both give 100. */
function leadingNumber(value: string | undefined): number | null {
  const match = value === undefined ? null : /^\s*(-?\d+(?:\.\d+)?)/.exec(value);
  return match ? Number(match[1]) : null;
}

/** `6m0s`, `1.5s`, `20ms`, `1h2m`: the Go-style durations some APIs send as reset times. */
function goDurationSeconds(value: string): number | null {
  if (!/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(value)) return null;
  let seconds = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
    seconds += Number(amount) * { h: 3600, m: 60, s: 1, ms: 0.001 }[unit as 'h' | 'm' | 's' | 'ms'];
  }
  return seconds;
}

/** A reset given as epoch seconds, epoch milliseconds, seconds from now, a duration or a date. */
export function parseResetTime(value: string, now: Date, deltaOnly = false): Date | null {
  const duration = goDurationSeconds(value);
  if (duration !== null) return new Date(now.getTime() + duration * 1000);
  if (/^\d+(\.\d+)?$/.test(value)) {
    const n = Number(value);
    if (deltaOnly || n < EPOCH_SECONDS_FLOOR) return new Date(now.getTime() + n * 1000);
    return new Date(n >= EPOCH_MILLISECONDS_FLOOR ? n : n * 1000);
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : new Date(date);
}

/** A count of seconds or milliseconds, a fraction allowed (Shopify sends `Retry-After: 2.0`). */
const DECIMAL = /^\d+(\.\d+)?$/;

/** `Retry-After`: delay seconds or an HTTP date; the seconds to wait from now. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  const text = value?.trim();
  if (!text) return null;
  if (DECIMAL.test(text)) return Math.ceil(Number(text));
  // An HTTP date names its day and month; without letters, `Date.parse` would read a number as a year.
  if (!/[a-z]/i.test(text)) return null;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, Math.round((date - now.getTime()) / 1000));
}

/** Azure's `retry-after-ms` and `x-ms-retry-after-ms`, in milliseconds. */
function retryAfterMs(headers: Headers): number | null {
  const text = (headers['retry-after-ms'] ?? headers['x-ms-retry-after-ms'])?.trim();
  return text && DECIMAL.test(text) ? Math.ceil(Number(text) / 1000) : null;
}

interface StructuredItem {
  name: string;
  params: Record<string, string>;
}

/** A list of structured-field items, `"default";r=50;t=30, "burst";r=5` or the older `limit=100, remaining=50`. */
function structuredItems(value: string): StructuredItem[] {
  const items = value.split(',').map((item) => {
    const [head = '', ...params] = item.split(';').map((part) => part.trim());
    const entries = params.map((param) => param.split('=').map((s) => s.trim().replace(/^"|"$/g, '')));
    if (head.includes('=')) entries.unshift(head.split('=').map((s) => s.trim().replace(/^"|"$/g, '')));
    return {
      name: head.includes('=') ? '' : head.replace(/^"|"$/g, ''),
      params: Object.fromEntries(entries.filter((pair) => pair.length === 2)),
    };
  });
  // The older form is one budget written as comma-separated keys: merge them.
  if (items.every((item) => item.name === '')) {
    return [
      { name: '', params: Object.assign({}, ...items.map((item) => item.params)) as Record<string, string> },
    ];
  }
  return items;
}

/** IETF `RateLimit` / `RateLimit-Policy` (draft 7+: r, t / q, w; draft 6: limit, remaining, reset in one header). */
function ietfStructured(headers: Headers, now: Date): Partial<RateLimitInfo> {
  const out: Partial<RateLimitInfo> = {};
  const header = headers['ratelimit'];
  if (header) {
    // The most constrained budget is the one that matters.
    const items = structuredItems(header).sort(
      (a, b) =>
        Number(a.params.r ?? a.params.remaining ?? Infinity) -
        Number(b.params.r ?? b.params.remaining ?? Infinity),
    );
    const item = items[0];
    if (item) {
      const remaining = item.params.r ?? item.params.remaining;
      const reset = item.params.t ?? item.params.reset;
      const limit = item.params.limit;
      if (remaining !== undefined) out.remaining = Number(remaining);
      if (reset !== undefined) out.resetAt = parseResetTime(reset, now, true);
      if (limit !== undefined) out.limit = Number(limit);
      if (item.name) out.resource = item.name;
      const policy = headers['ratelimit-policy'];
      if (policy && out.limit === undefined) {
        const policies = structuredItems(policy);
        const match = policies.find((p) => p.name === item.name) ?? policies[0];
        if (match?.params.q !== undefined) out.limit = Number(match.params.q);
      }
    }
  }
  return out;
}

/** Shopify's `x-shopify-shop-api-call-limit: 32/40` (used/limit). */
function usedSlashLimit(headers: Headers): Partial<RateLimitInfo> {
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(headers['x-shopify-shop-api-call-limit'] ?? '');
  if (!match) return {};
  const used = Number(match[1]);
  const limit = Number(match[2]);
  return { limit, remaining: Math.max(0, limit - used) };
}

/**
 * Reads the rate-limit budget from any of the common header dialects. `headers` must have lower-case names.
 * Returns null when the response says nothing about rate limits.
 */
export function parseRateLimit(headers: Headers, now: Date): RateLimitInfo | null {
  const structured = { ...usedSlashLimit(headers), ...ietfStructured(headers, now) };
  let limit = leadingNumber(first(headers, LIMIT)) ?? structured.limit ?? null;
  let remaining = leadingNumber(first(headers, REMAINING)) ?? structured.remaining ?? null;
  const used = leadingNumber(first(headers, USED));
  if (remaining === null && used !== null && limit !== null) remaining = Math.max(0, limit - used);
  if (limit === null && used !== null && remaining !== null) limit = used + remaining;
  const resetHeader = first(headers, RESET);
  // The IETF `RateLimit-Reset` header is always delta seconds.
  const resetAt = resetHeader
    ? parseResetTime(resetHeader, now, headers['ratelimit-reset'] === resetHeader)
    : (structured.resetAt ?? null);
  const retryAfterSeconds = parseRetryAfter(headers['retry-after'], now) ?? retryAfterMs(headers);
  const resource = first(headers, RESOURCE) ?? structured.resource ?? null;
  if (limit === null && remaining === null && resetAt === null && retryAfterSeconds === null) return null;
  return { limit, remaining, resetAt, retryAfterSeconds, resource };
}
