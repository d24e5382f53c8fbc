import type { AlertRule } from '../alert-rule';
import type { AlertCause } from '../alert';
import type { EvaluatedResult } from '../evaluated-result';
import { ruleApplies } from '../rule-scope';

/** The result as a failure of this rule, or null when the rule does not count it (see `ruleApplies`). */
export function failureCause(rule: AlertRule, result: EvaluatedResult): AlertCause | null {
  const { status, category } = result;
  if (status === 'up' || category === null || !ruleApplies(rule, result.integration, category, status)) {
    return null;
  }
  return { category, severity: status, message: result.message, troubleshooting: result.troubleshooting };
}
