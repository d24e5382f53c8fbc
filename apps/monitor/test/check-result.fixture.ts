import type { CheckResult } from '../src/pipeline/check-result';

/** A healthy result at `startedAt` (first byte 1 ms before the end); `fields` override any part. */
export function checkResult(
  startedAt: Date | string,
  fields: Partial<CheckResult> & { totalMs?: number } = {},
): CheckResult {
  const { totalMs = 3, ...rest } = fields;
  return {
    startedAt: new Date(startedAt),
    status: 'up',
    category: null,
    httpStatus: 200,
    message: 'ok',
    troubleshooting: [],
    timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: totalMs - 1, totalMs },
    rateLimit: null,
    schemaErrors: [],
    tls: null,
    tokenExpiresAt: null,
    evidence: null,
    ...rest,
  };
}
