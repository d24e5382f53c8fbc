import { ruleApplies } from '../rule-scope';
import { checkBudgetForecast, type BudgetForecastMemory } from './budget-forecast';
import type { ConditionCheck, ConditionInput } from './condition-input';
import { checkConsecutiveFailures, type ConsecutiveFailuresMemory } from './consecutive-failures';
import { checkExpiry, type ExpiryMemory } from './expiry';
import { checkFailureRatio, type FailureRatioMemory } from './failure-ratio';
import { checkLatencyP95, type LatencyP95Memory } from './latency-p95';
import { checkRateLimitBudget, type RateLimitBudgetMemory } from './rate-limit-budget';

/** What a condition remembers between results, tagged with the condition's type. */
export type ConditionMemory =
  | ConsecutiveFailuresMemory
  | FailureRatioMemory
  | LatencyP95Memory
  | RateLimitBudgetMemory
  | ExpiryMemory
  | BudgetForecastMemory;

// A rule edited to another condition finds memory of another type and starts from nothing.
function check(memory: ConditionMemory | null, input: ConditionInput): ConditionCheck<ConditionMemory> {
  const { condition } = input.rule;
  switch (condition.type) {
    case 'consecutiveFailures':
      return checkConsecutiveFailures(
        condition,
        memory?.type === 'consecutiveFailures' ? memory : null,
        input,
      );
    case 'failureRatio':
      return checkFailureRatio(condition, memory?.type === 'failureRatio' ? memory : null, input);
    case 'latencyP95':
      return checkLatencyP95(condition, memory?.type === 'latencyP95' ? memory : null, input);
    case 'rateLimitBudget':
      return checkRateLimitBudget(condition, input);
    case 'expiry':
      return checkExpiry(condition, input);
    case 'budgetForecast':
      return checkBudgetForecast(memory?.type === 'budgetForecast' ? memory : null, input);
  }
}

/**
 * The rule's condition after one more result. A cause the rule does not count (another category, or
 * degraded under a `down` rule) means the condition, as this rule sees it, does not hold.
 */
export function checkCondition(
  memory: ConditionMemory | null,
  input: ConditionInput,
): ConditionCheck<ConditionMemory> {
  const checked = check(memory, input);
  const { verdict } = checked;
  if (verdict.kind !== 'met' && verdict.kind !== 'pending') return checked;
  const { category, severity } = verdict.cause;
  return ruleApplies(input.rule, input.result.integration, category, severity)
    ? checked
    : { memory: checked.memory, verdict: { kind: 'clear' } };
}
