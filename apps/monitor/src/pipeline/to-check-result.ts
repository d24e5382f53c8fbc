import { describeShapeChange, type Verdict } from '@ihm/diagnosis';
import type { HttpObservation, Redaction } from '@ihm/probe';
import type { CheckResult } from './check-result';

/** A probe's observation and its verdict as one result, with the integration's secrets taken out of every text. */
export function toCheckResult(
  observed: HttpObservation,
  verdict: Verdict,
  redaction: Redaction,
): CheckResult {
  const { observation, rawEvidence } = observed;
  return {
    startedAt: observation.now,
    status: verdict.status,
    category: verdict.category,
    httpStatus: observation.response?.status ?? null,
    message: redaction.text(verdict.message),
    troubleshooting: verdict.troubleshooting.map(redaction.text),
    timings: observed.timings,
    rateLimit: observation.rateLimit,
    schemaErrors:
      observation.schema?.outcome === 'invalid'
        ? observation.schema.errors
        : (observation.drift?.changes.map((change) => ({
            path: change.path,
            message: describeShapeChange(change),
          })) ?? []),
    tls: observed.certificate,
    tokenExpiresAt: observation.tokenExpiresAt,
    evidence: rawEvidence && {
      responseHeaders: redaction.headers(rawEvidence.responseHeaders),
      bodyExcerpt: rawEvidence.bodyExcerpt === null ? null : redaction.text(rawEvidence.bodyExcerpt) || null,
    },
  };
}
