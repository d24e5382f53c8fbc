import type { ProbeResult } from '@ihm/contracts';

/** A healthy probe result of `integrationId` at `startedAt` (first byte 1 ms before the end); `fields` override any part. */
export function probeResult(
  integrationId: string,
  startedAt: Date | string,
  fields: Partial<ProbeResult> & { totalMs?: number } = {},
): ProbeResult {
  const { totalMs = 3, ...rest } = fields;
  return {
    integrationId,
    startedAt: typeof startedAt === 'string' ? startedAt : startedAt.toISOString(),
    status: 'up',
    category: null,
    httpStatus: 200,
    message: 'ok',
    timings: { dnsMs: null, connectMs: 1, tlsMs: null, ttfbMs: totalMs - 1, totalMs },
    rateLimit: null,
    schemaErrors: [],
    tls: null,
    tokenExpiresAt: null,
    evidence: null,
    troubleshooting: [],
    ...rest,
  };
}
