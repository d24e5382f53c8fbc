import type { Alert } from './alert';
import type { ConditionMemory } from './conditions/check-condition';

/** Everything evaluation keeps for one (integration, rule) between results. Plain data; store it as it is. */
export interface AlertState {
  condition: ConditionMemory;
  /** The condition's fire and resolve transitions that flapping detection still reads, newest last. */
  transitions: Date[];
  /** The open alert, or the last one after it resolved; null before the first or after a pending one lapsed. */
  alert: Alert | null;
}
