import type { AlertState } from './alert-state';

/**
 * Records who acknowledged the firing alert: it sends no more reminders until it resolves (a category change
 * and the resolution are still announced). The first acknowledgement stands; a state whose alert is not
 * firing is returned as it is.
 */
export function acknowledgeAlert(state: AlertState, by: string, now: Date): AlertState {
  const { alert } = state;
  if (alert?.state !== 'firing' || alert.acknowledged !== null) return state;
  return { ...state, alert: { ...alert, acknowledged: { by, at: now } } };
}
