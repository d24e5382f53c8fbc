import type { ConsecutiveFailuresCondition } from '../alert-rule';
import type { AlertCause } from '../alert';
import type { ConditionCheck, ConditionInput } from './condition-input';
import { failureCause } from './failure-cause';

export interface ConsecutiveFailuresMemory {
  type: 'consecutiveFailures';
  failures: number;
  successes: number;
  /** The latest failures in a row that share one category, and the cause of the newest of them. */
  run: { cause: AlertCause; length: number } | null;
}

export function checkConsecutiveFailures(
  condition: ConsecutiveFailuresCondition,
  memory: ConsecutiveFailuresMemory | null,
  { rule, result, current }: ConditionInput,
): ConditionCheck<ConsecutiveFailuresMemory> {
  const previous = memory ?? { type: 'consecutiveFailures', failures: 0, successes: 0, run: null };
  const cause = failureCause(rule, result);
  if (cause === null) {
    const successes = previous.successes + 1;
    return {
      memory: { type: 'consecutiveFailures', failures: 0, successes, run: null },
      verdict: { kind: successes >= condition.recoverCount ? 'clear' : 'recovering' },
    };
  }
  const run =
    previous.run?.cause.category === cause.category
      ? { cause, length: previous.run.length + 1 }
      : { cause, length: 1 };
  const failures = previous.failures + 1;
  // A new category takes over once it has failed as many times in a row as firing needs, so an API that
  // alternates 500 and 503 does not announce a category change on every probe.
  const settled = run.length >= condition.count ? run.cause : (current ?? cause);
  return {
    memory: { type: 'consecutiveFailures', failures, successes: 0, run },
    verdict: { kind: failures >= condition.count ? 'met' : 'pending', cause: settled },
  };
}
