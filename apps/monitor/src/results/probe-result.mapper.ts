import type { ProbeResult } from '@ihm/contracts';
import type { CheckResult } from '../pipeline/check-result';

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A result in the API's shape (DESIGN.md): the one place results become wire format. */
export function toProbeResult(result: CheckResult, integrationId: string | null): ProbeResult {
  const { rateLimit, tls } = result;
  return {
    integrationId,
    startedAt: result.startedAt.toISOString(),
    status: result.status,
    category: result.category,
    httpStatus: result.httpStatus,
    message: result.message,
    timings: result.timings,
    rateLimit: rateLimit && {
      limit: rateLimit.limit,
      remaining: rateLimit.remaining,
      resetAt: iso(rateLimit.resetAt),
      retryAfterSeconds: rateLimit.retryAfterSeconds,
    },
    schemaErrors: result.schemaErrors,
    tls: tls && { subject: tls.subject, issuer: tls.issuer, validTo: iso(tls.validTo) },
    tokenExpiresAt: iso(result.tokenExpiresAt),
    evidence: result.evidence,
    troubleshooting: result.troubleshooting,
  };
}
