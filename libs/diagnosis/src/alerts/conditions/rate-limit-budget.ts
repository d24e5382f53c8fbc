import { formatCount } from '../../humanize';
import { troubleshootingSteps } from '../../troubleshooting';
import type { RateLimitBudgetCondition } from '../alert-rule';
import { formatClock } from '../clock';
import type { ConditionCheck, ConditionInput } from './condition-input';

export interface RateLimitBudgetMemory {
  type: 'rateLimitBudget';
}

/** Reads the latest result only; a result without a budget reading neither fires nor resolves. */
export function checkRateLimitBudget(
  condition: RateLimitBudgetCondition,
  { result, now }: ConditionInput,
): ConditionCheck<RateLimitBudgetMemory> {
  const memory: RateLimitBudgetMemory = { type: 'rateLimitBudget' };
  const { limit, remaining, resetAt } = result.rateLimit ?? { limit: null, remaining: null, resetAt: null };
  if (limit === null || limit <= 0 || remaining === null) return { memory, verdict: { kind: 'unknown' } };
  if ((remaining / limit) * 100 >= condition.belowPercent) return { memory, verdict: { kind: 'clear' } };
  const reset = resetAt ? `; it resets at ${formatClock(resetAt, now)}` : '';
  const cause = {
    category: 'rate_limiting' as const,
    // An empty budget is an error: the next call will be refused.
    severity: remaining === 0 ? ('down' as const) : ('degraded' as const),
    message: `${formatCount(remaining)} of ${formatCount(limit)} requests left, under ${condition.belowPercent} % of the budget${reset}.`,
    troubleshooting: [
      'Find what else spends this budget and spread or cache those calls; ask the provider for a higher limit if the load is legitimate.',
      ...troubleshootingSteps('rate_limiting'),
    ],
  };
  return { memory, verdict: { kind: 'met', cause } };
}
