export * from './acknowledge';
export * from './alert';
export * from './alert-rule';
export type { AlertState } from './alert-state';
export * from './budget-exhaustion';
export * from './close';
export type { ConditionMemory } from './conditions/check-condition';
export * from './delivery';
export * from './evaluate';
export * from './evaluated-result';
export * from './group-headline';
export * from './grouping';
export type {
  AlertNotification,
  CloseReason,
  FiringNotice,
  NotificationKind,
  NotificationSubject,
} from './notification';
export * from './rule-scope';
export * from './silences';
