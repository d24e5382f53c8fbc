import { troubleshootingSteps } from '../../troubleshooting';
import {
  addBudgetReading,
  type BudgetReading,
  forecastExhaustion,
  forecastMessage,
} from '../budget-exhaustion';
import type { EvaluatedResult } from '../evaluated-result';
import type { ConditionCheck, ConditionInput } from './condition-input';

export interface BudgetForecastMemory {
  type: 'budgetForecast';
  /** The current reset period's latest readings, oldest first. */
  readings: BudgetReading[];
}

function readingOf(result: EvaluatedResult): BudgetReading | null {
  const { limit, remaining, resetAt } = result.rateLimit ?? { limit: null, remaining: null, resetAt: null };
  if (limit === null || limit <= 0 || remaining === null || resetAt === null) return null;
  return { at: result.startedAt, limit, remaining, resetAt };
}

/** Resolves once the forecast no longer runs out before the reset, which includes the reset itself. */
export function checkBudgetForecast(
  memory: BudgetForecastMemory | null,
  { result, now }: ConditionInput,
): ConditionCheck<BudgetForecastMemory> {
  const previous: BudgetForecastMemory = memory ?? { type: 'budgetForecast', readings: [] };
  const reading = readingOf(result);
  if (reading === null) return { memory: previous, verdict: { kind: 'unknown' } };
  const next: BudgetForecastMemory = {
    type: 'budgetForecast',
    readings: addBudgetReading(previous.readings, reading),
  };
  const forecast = forecastExhaustion(next.readings);
  if (forecast === null || forecast.exhaustsAt.getTime() >= forecast.resetAt.getTime()) {
    return { memory: next, verdict: { kind: 'clear' } };
  }
  const cause = {
    category: 'rate_limiting' as const,
    severity: forecast.remaining === 0 ? ('down' as const) : ('degraded' as const),
    message: forecastMessage(forecast, now),
    troubleshooting: [
      'Find what spends this budget faster than before (a new job, a retry loop, another consumer of the same key) and spread or cache those calls before it runs out.',
      ...troubleshootingSteps('rate_limiting'),
    ],
  };
  return { memory: next, verdict: { kind: 'met', cause } };
}
