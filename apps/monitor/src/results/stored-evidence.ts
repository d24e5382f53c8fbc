import type { CheckResult } from '../pipeline/check-result';

/**
 * The evidence a stored result keeps: a failure or a warning keeps what the API said (the guide's step 1, checking
 * the logs of both systems, needs it later); a working call keeps none, which keeps the raw results small.
 */
export function storedEvidence(result: Pick<CheckResult, 'status' | 'evidence'>): CheckResult['evidence'] {
  return result.status === 'up' ? null : result.evidence;
}
