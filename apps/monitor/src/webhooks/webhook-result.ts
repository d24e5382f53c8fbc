import type { Evidence } from '@ihm/contracts';
import type { SchemaIssue, Verdict } from '@ihm/diagnosis';
import type { CheckResult } from '../pipeline/check-result';

const NO_TIMINGS = { dnsMs: null, connectMs: null, tlsMs: null, ttfbMs: null, totalMs: null } as const;

/** A webhook integration's result (a delivery's verdict, a silence): nothing was probed, so no timings. */
export function webhookResult(
  at: Date,
  verdict: Verdict,
  extra: { httpStatus?: number; schemaErrors?: SchemaIssue[]; evidence?: Evidence } = {},
): CheckResult {
  return {
    startedAt: at,
    status: verdict.status,
    category: verdict.category,
    httpStatus: extra.httpStatus ?? null,
    message: verdict.message,
    troubleshooting: verdict.troubleshooting,
    timings: { ...NO_TIMINGS },
    rateLimit: null,
    schemaErrors: extra.schemaErrors ?? [],
    tls: null,
    tokenExpiresAt: null,
    evidence: extra.evidence ?? null,
  };
}
