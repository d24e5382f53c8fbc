import type { AlertRule } from '@ihm/contracts';
import { EMPTY_SCOPE, fromScope, type ScopeForm } from '../scope/scope-form';
import { CONDITION_DEFAULTS, type ConditionField, type ConditionType } from './condition-inputs';

/** What the inputs hold: every condition's numbers at once, so switching conditions keeps what was typed. */
export interface RuleFormState {
  name: string;
  conditionType: ConditionType;
  numbers: Record<ConditionField, string>;
  scope: ScopeForm;
  minSeverity: 'degraded' | 'down';
  channelIds: string[];
  reminders: boolean;
  renotifyMinutes: string;
}

/** The API's default for reminders of a new rule. */
const RENOTIFY_DEFAULT = '240';

export function emptyRuleForm(): RuleFormState {
  return {
    name: '',
    conditionType: 'consecutiveFailures',
    numbers: { ...CONDITION_DEFAULTS },
    scope: EMPTY_SCOPE,
    minSeverity: 'down',
    channelIds: [],
    reminders: true,
    renotifyMinutes: RENOTIFY_DEFAULT,
  };
}

export function fromRule(rule: AlertRule): RuleFormState {
  const { type, ...numbers } = rule.condition;
  const typed = Object.fromEntries(Object.entries(numbers).map(([field, value]) => [field, String(value)]));
  return {
    name: rule.name,
    conditionType: type,
    numbers: { ...CONDITION_DEFAULTS, ...typed },
    scope: fromScope(rule.scope),
    minSeverity: rule.minSeverity,
    channelIds: rule.channelIds,
    reminders: rule.renotifyMinutes !== null,
    renotifyMinutes: rule.renotifyMinutes === null ? RENOTIFY_DEFAULT : String(rule.renotifyMinutes),
  };
}
