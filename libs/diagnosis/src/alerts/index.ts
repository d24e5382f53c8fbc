export * from './alert';
export * from './alert-rule';
export * from './budget-exhaustion';
export type { ConditionMemory } from './conditions/check-condition';
export * from './evaluated-result';
export * from './rule-scope';
