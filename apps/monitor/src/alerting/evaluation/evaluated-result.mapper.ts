import type { AlertIntegration, EvaluatedResult } from '@ihm/diagnosis';
import type { CheckResult } from '../../pipeline/check-result';

/** What alert evaluation reads of a recorded result. */
export function toEvaluatedResult(integration: AlertIntegration, result: CheckResult): EvaluatedResult {
  return {
    integration,
    startedAt: result.startedAt,
    status: result.status,
    category: result.category,
    message: result.message,
    troubleshooting: result.troubleshooting,
    httpStatus: result.httpStatus,
    totalMs: result.timings.totalMs,
    rateLimit: result.rateLimit && {
      limit: result.rateLimit.limit,
      remaining: result.rateLimit.remaining,
      resetAt: result.rateLimit.resetAt,
    },
    tokenExpiresAt: result.tokenExpiresAt,
    certificateExpiresAt: result.tls?.validTo ?? null,
  };
}
