import type { ProbeResult } from '@ihm/contracts';
import type { Prisma, ProbeResult as ProbeResultRow } from '@ihm/db';

type RowInput = Prisma.ProbeResultCreateManyInput;

export function toResultRow(integrationId: string, result: ProbeResult): RowInput {
  return {
    integrationId,
    startedAt: new Date(result.startedAt),
    status: result.status,
    category: result.category,
    httpStatus: result.httpStatus,
    message: result.message,
    dnsMs: result.timings.dnsMs,
    connectMs: result.timings.connectMs,
    tlsMs: result.timings.tlsMs,
    ttfbMs: result.timings.ttfbMs,
    totalMs: result.timings.totalMs,
    rateLimitLimit: result.rateLimit?.limit ?? null,
    rateLimitRemaining: result.rateLimit?.remaining ?? null,
    rateLimitResetAt: result.rateLimit?.resetAt ? new Date(result.rateLimit.resetAt) : null,
    retryAfterSeconds: result.rateLimit?.retryAfterSeconds ?? null,
    schemaErrors: result.schemaErrors,
    tls: result.tls ?? undefined,
    evidence: result.evidence ?? undefined,
    troubleshooting: result.troubleshooting,
  };
}

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
    evidence: row.evidence as ProbeResult['evidence'],
    troubleshooting: row.troubleshooting,
  };
}
