import type { CheckResult } from '../pipeline/check-result';

/**
 * The evidence a stored result keeps: a failure or a warning keeps what the API said (the guide's step 1, checking
 * the logs of both systems, needs it later); a working call keeps none, which keeps the raw results small. A
 * webhook delivery keeps its (redacted, cut) record either way: the last deliveries are what its page shows.
 */
export function storedEvidence(result: Pick<CheckResult, 'status' | 'evidence'>): CheckResult['evidence'] {
  return result.status === 'up' && !result.evidence?.delivery ? null : result.evidence;
}
