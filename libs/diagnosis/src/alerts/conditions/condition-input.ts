import type { AlertRule } from '../alert-rule';
import type { AlertCause } from '../alert';
import type { EvaluatedResult } from '../evaluated-result';

export interface ConditionInput {
  rule: AlertRule;
  result: EvaluatedResult;
  now: Date;
  /** The cause of the open alert, if any: conditions keep it rather than flip it on every probe. */
  current: AlertCause | null;
}

/** What one more result says about a condition. */
export type ConditionVerdict =
  /** It holds: fire, or stay firing. */
  | { kind: 'met'; cause: AlertCause }
  /** It holds, but not yet long or often enough to fire. */
  | { kind: 'pending'; cause: AlertCause }
  /** It does not hold, but not yet long enough to resolve a firing alert. */
  | { kind: 'recovering' }
  | { kind: 'clear' }
  /** This result carries nothing the condition reads (no budget headers, no response): change nothing. */
  | { kind: 'unknown' };

export interface ConditionCheck<M> {
  memory: M;
  verdict: ConditionVerdict;
}
