import type { Category } from '../categories';

/**
 * Which integrations and failures a rule (or a silence) covers. `integrationIds` and `tags` select
 * integrations: an integration is covered when its id is listed or it carries any listed tag. `categories`
 * then narrows what is covered to failures of those categories. An absent or empty list does not narrow, so
 * an empty scope covers every integration and every category.
 */
export interface AlertScope {
  integrationIds?: string[];
  tags?: string[];
  categories?: Category[];
}

/** How bad a failure must be for a rule to count it: `degraded` counts degraded and down results. */
export type AlertSeverity = 'degraded' | 'down';

export interface ConsecutiveFailuresCondition {
  type: 'consecutiveFailures';
  count: number;
  recoverCount: number;
}

/** Fires when more than `percent` % of the probes of the last `windowMinutes` failed. */
export interface FailureRatioCondition {
  type: 'failureRatio';
  percent: number;
  windowMinutes: number;
}

export interface LatencyP95Condition {
  type: 'latencyP95';
  thresholdMs: number;
  windowMinutes: number;
}

export interface RateLimitBudgetCondition {
  type: 'rateLimitBudget';
  belowPercent: number;
}

/** The bearer token's or the TLS certificate's expiry, whichever comes first. */
export interface ExpiryCondition {
  type: 'expiry';
  withinDays: number;
}

/** At the rate the budget is being spent, it runs out before it resets. */
export interface BudgetForecastCondition {
  type: 'budgetForecast';
}

export type AlertCondition =
  | ConsecutiveFailuresCondition
  | FailureRatioCondition
  | LatencyP95Condition
  | RateLimitBudgetCondition
  | ExpiryCondition
  | BudgetForecastCondition;

export interface FlappingPolicy {
  maxTransitions: number;
  windowMinutes: number;
  stableMinutes: number;
}

export interface AlertRule {
  id: string;
  name: string;
  condition: AlertCondition;
  scope: AlertScope;
  minSeverity: AlertSeverity;
  /** Minutes between reminders of a firing, unacknowledged alert; null sends none. */
  renotifyMinutes: number | null;
  flapping?: Partial<FlappingPolicy>;
}

/**
 * One failed probe is often a blip (a dropped packet, a deploy's restart) and two in a row still happen by
 * chance; three in a row at the default 60 s interval is an outage, reported within three minutes. One good
 * probe resolves: the integration answered correctly, and a longer wait only delays the good news.
 */
export const DEFAULT_CONSECUTIVE_FAILURES: Omit<ConsecutiveFailuresCondition, 'type'> = {
  count: 3,
  recoverCount: 1,
};

/**
 * The defaults: more than five fire/resolve transitions in an hour is flapping, and half an hour
 * without a transition is stable again.
 */
export const DEFAULT_FLAPPING: Readonly<FlappingPolicy> = {
  maxTransitions: 5,
  windowMinutes: 60,
  stableMinutes: 30,
};

export function flappingPolicy(rule: AlertRule): FlappingPolicy {
  return { ...DEFAULT_FLAPPING, ...rule.flapping };
}
