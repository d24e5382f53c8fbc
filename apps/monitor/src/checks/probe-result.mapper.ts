import type { ProbeResult } from '@ihm/contracts';
import type { ProbeResult as ProbeResultRow } from '@ihm/db';

export function toProbeResult(row: ProbeResultRow): ProbeResult {
  const rateLimited =
    row.rateLimitLimit !== null ||
    row.rateLimitRemaining !== null ||
    row.rateLimitResetAt !== null ||
    row.retryAfterSeconds !== null;
  return {
    integrationId: row.integrationId,
    startedAt: row.startedAt.toISOString(),
    status: row.status,
    category: row.category,
    httpStatus: row.httpStatus,
    message: row.message,
    timings: {
      dnsMs: row.dnsMs,
      connectMs: row.connectMs,
      tlsMs: row.tlsMs,
      ttfbMs: row.ttfbMs,
      totalMs: row.totalMs,
    },
    rateLimit: rateLimited
      ? {
          limit: row.rateLimitLimit,
          remaining: row.rateLimitRemaining,
          resetAt: row.rateLimitResetAt?.toISOString() ?? null,
          retryAfterSeconds: row.retryAfterSeconds,
        }
      : null,
    schemaErrors: row.schemaErrors as ProbeResult['schemaErrors'],
    tls: row.tls as ProbeResult['tls'],
    tokenExpiresAt: row.tokenExpiresAt?.toISOString() ?? null,
    evidence: row.evidence as ProbeResult['evidence'],
    troubleshooting: row.troubleshooting,
  };
}
