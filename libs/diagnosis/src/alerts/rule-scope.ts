import type { Category } from '../categories';
import type { ProbeStatus } from '../status';
import type { AlertRule, AlertScope } from './alert-rule';
import type { AlertIntegration } from './evaluated-result';

/** Whether a scope covers this integration and, when it lists categories, this category (see `AlertScope`). */
export function inScope(
  scope: AlertScope,
  integration: AlertIntegration,
  category: Category | null,
): boolean {
  const ids = scope.integrationIds ?? [];
  const tags = scope.tags ?? [];
  const categories = scope.categories ?? [];
  const selected =
    (ids.length === 0 && tags.length === 0) ||
    ids.includes(integration.id) ||
    integration.tags.some((tag) => tags.includes(tag));
  return selected && (categories.length === 0 || (category !== null && categories.includes(category)));
}

/**
 * Whether this rule counts a failure of this category and status on this integration: in its scope and at
 * least as bad as its minimum severity (a `down` rule does not count degraded results). A working result
 * (`up`, or no category) is never a failure.
 */
export function ruleApplies(
  rule: AlertRule,
  integration: AlertIntegration,
  category: Category | null,
  status: ProbeStatus,
): boolean {
  if (status === 'up' || category === null) return false;
  if (rule.minSeverity === 'down' && status !== 'down') return false;
  return inScope(rule.scope, integration, category);
}
