import type { AlertCondition } from '@ihm/contracts';

export type ConditionType = AlertCondition['type'];
/** Every condition's number fields, as the form holds them. */
export type ConditionField =
  'count' | 'recoverCount' | 'percent' | 'windowMinutes' | 'thresholdMs' | 'belowPercent' | 'withinDays';

export interface ConditionKind {
  type: ConditionType;
  label: string;
  /** Its number inputs, with the labels and the values a new rule starts from (DESIGN.md's examples). */
  inputs: readonly { field: ConditionField; label: string }[];
  /** Latency and forecasts are warnings: results are degraded then, never down. */
  severity: 'degraded' | 'down';
}

export const CONDITION_KINDS: readonly ConditionKind[] = [
  {
    type: 'consecutiveFailures',
    label: 'Consecutive failures',
    inputs: [
      { field: 'count', label: 'Failures in a row to fire' },
      { field: 'recoverCount', label: 'Successes in a row to resolve' },
    ],
    severity: 'down',
  },
  {
    type: 'failureRatio',
    label: 'Failure ratio',
    inputs: [
      { field: 'percent', label: 'Failed probes (%)' },
      { field: 'windowMinutes', label: 'Over the last (minutes)' },
    ],
    severity: 'down',
  },
  {
    type: 'latencyP95',
    label: 'Latency (p95)',
    inputs: [
      { field: 'thresholdMs', label: 'p95 above (ms)' },
      { field: 'windowMinutes', label: 'Over the last (minutes)' },
    ],
    severity: 'degraded',
  },
  {
    type: 'rateLimitBudget',
    label: 'Rate-limit budget low',
    inputs: [{ field: 'belowPercent', label: 'Remaining below (%)' }],
    severity: 'degraded',
  },
  {
    type: 'expiry',
    label: 'Token or certificate expiring',
    inputs: [{ field: 'withinDays', label: 'Within (days)' }],
    severity: 'degraded',
  },
  { type: 'budgetForecast', label: 'Budget runs out before its reset', inputs: [], severity: 'degraded' },
];

export const CONDITION_DEFAULTS: Readonly<Record<ConditionField, string>> = {
  count: '3',
  recoverCount: '1',
  percent: '20',
  windowMinutes: '15',
  thresholdMs: '2000',
  belowPercent: '10',
  withinDays: '7',
};

export function conditionKind(type: ConditionType): ConditionKind {
  return CONDITION_KINDS.find((kind) => kind.type === type) ?? (CONDITION_KINDS[0] as ConditionKind);
}

/** "3 consecutive failures (resolves after 1 success)": a condition in one line. */
export function conditionSummary(condition: AlertCondition): string {
  switch (condition.type) {
    case 'consecutiveFailures':
      return `${condition.count} consecutive failures (resolves after ${condition.recoverCount} ${condition.recoverCount === 1 ? 'success' : 'successes'})`;
    case 'failureRatio':
      return `${condition.percent} % of probes failed over ${condition.windowMinutes} min`;
    case 'latencyP95':
      return `p95 latency above ${condition.thresholdMs} ms over ${condition.windowMinutes} min`;
    case 'rateLimitBudget':
      return `rate-limit budget below ${condition.belowPercent} %`;
    case 'expiry':
      return `token or certificate expires within ${condition.withinDays} days`;
    case 'budgetForecast':
      return 'the rate-limit budget runs out before it resets';
  }
}
