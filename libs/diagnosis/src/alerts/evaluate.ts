import { flappingPolicy, type AlertRule, type FlappingPolicy } from './alert-rule';
import type { Alert, FiringAlert } from './alert';
import type { AlertState } from './alert-state';
import { checkCondition } from './conditions/check-condition';
import type { ConditionVerdict } from './conditions/condition-input';
import type { AlertIntegration, EvaluatedResult } from './evaluated-result';
import { isFlapping, isStable, keepTransitions } from './flapping';
import { firedAlert, pendingAlert, resolvedAlert, type AlertOwner } from './lifecycle';
import { announceFiring, announceResolved, type AlertNotification, type Announcement } from './notification';

export interface AlertEvaluation {
  state: AlertState;
  notifications: AlertNotification[];
}

interface Context extends AlertOwner {
  policy: FlappingPolicy;
  now: Date;
}

type Step = Announcement<Alert | null> & { transitions: Date[] };

const quiet = (alert: Alert | null, transitions: Date[]): Step => ({ alert, transitions, notifications: [] });

function startFlapping(
  alert: FiringAlert,
  conditionMet: boolean,
  context: Context,
): Announcement<FiringAlert> {
  const { now } = context;
  const flapping = { since: now, conditionMet };
  return announceFiring({ ...alert, flapping }, { kind: 'flapping', flappingSince: now }, context, now);
}

/** The condition started or stopped holding: announced, unless this transition makes the alert flap. */
function transition(
  alert: Alert | null,
  verdict: ConditionVerdict,
  history: readonly Date[],
  context: Context,
): Step | null {
  const { now, policy } = context;
  const transitions = keepTransitions([...history, now], now, policy);
  const flaps = isFlapping(transitions, now, policy);
  if (verdict.kind === 'met' && alert?.state !== 'firing') {
    const firing = firedAlert(alert, verdict.cause, context, now);
    const announced = flaps
      ? startFlapping(firing, true, context)
      : announceFiring(firing, { kind: 'firing' }, context, now);
    return { ...announced, transitions };
  }
  if (verdict.kind === 'clear' && alert?.state === 'firing') {
    // A flapping alert stays open, so that one alert carries the whole episode.
    const announced = flaps
      ? startFlapping(alert, false, context)
      : announceResolved(resolvedAlert(alert, now), context, now);
    return { ...announced, transitions };
  }
  return null;
}

/** A flapping alert sends nothing until the condition has been stable, then announces where it settled. */
function whileFlapping(
  alert: FiringAlert,
  flapping: NonNullable<FiringAlert['flapping']>,
  verdict: ConditionVerdict,
  history: readonly Date[],
  context: Context,
): Step {
  const { now, policy } = context;
  const conditionMet = verdict.kind === 'met' || (verdict.kind !== 'clear' && flapping.conditionMet);
  const changed = conditionMet !== flapping.conditionMet;
  const transitions = keepTransitions(changed ? [...history, now] : history, now, policy);
  const cause = verdict.kind === 'met' ? verdict.cause : alert.cause;
  if (!isStable(transitions, now, policy)) {
    return quiet({ ...alert, cause, flapping: { ...flapping, conditionMet } }, transitions);
  }
  const settled: FiringAlert = { ...alert, cause, flapping: null };
  const announced = conditionMet
    ? announceFiring(settled, { kind: 'firing' }, context, now)
    : announceResolved(resolvedAlert(settled, now), context, now);
  return { ...announced, transitions };
}

function remind(alert: FiringAlert, context: Context): Announcement<FiringAlert> {
  const { rule, now } = context;
  const due =
    rule.renotifyMinutes !== null &&
    alert.acknowledged === null &&
    now.getTime() - alert.lastNotifiedAt.getTime() >= rule.renotifyMinutes * 60_000;
  return due ? announceFiring(alert, { kind: 'renotify' }, context, now) : { alert, notifications: [] };
}

/** No transition: a firing alert may change category or be due a reminder; a pending one starts or lapses. */
function steady(alert: Alert | null, verdict: ConditionVerdict, transitions: Date[], context: Context): Step {
  if (alert?.state === 'firing') {
    const previousCategory = alert.cause.category;
    const announced =
      verdict.kind === 'met' && verdict.cause.category !== previousCategory
        ? announceFiring(
            { ...alert, cause: verdict.cause },
            { kind: 'category_changed', previousCategory },
            context,
            context.now,
          )
        : remind(alert, context);
    return { ...announced, transitions };
  }
  if (verdict.kind === 'pending') {
    return quiet(
      alert?.state === 'pending' ? alert : pendingAlert(verdict.cause, context, context.now),
      transitions,
    );
  }
  // The condition stopped holding before it fired: the pending alert lapses without a word.
  if (alert?.state === 'pending' && verdict.kind !== 'unknown') return quiet(null, transitions);
  return quiet(alert, transitions);
}

/**
 * One more result for one (integration, rule): the next state and what to announce. `now` is the evaluation
 * time; windows, reminders and flapping read it, never the system clock. Time-based changes (a reminder, the
 * end of flapping) also happen here when they are due, and in `evaluateClock` between results.
 */
export function evaluateAlert(
  rule: AlertRule,
  state: AlertState | null,
  result: EvaluatedResult,
  now: Date,
): AlertEvaluation {
  const alert = state?.alert ?? null;
  const current = alert === null || alert.state === 'resolved' ? null : alert.cause;
  const { memory, verdict } = checkCondition(state?.condition ?? null, { rule, result, now, current });
  const context: Context = { rule, integration: result.integration, policy: flappingPolicy(rule), now };
  const history = state?.transitions ?? [];
  const step =
    alert?.state === 'firing' && alert.flapping !== null
      ? whileFlapping(alert, alert.flapping, verdict, history, context)
      : (transition(alert, verdict, history, context) ??
        steady(alert, verdict, keepTransitions(history, now, context.policy), context));
  return {
    state: { condition: memory, transitions: step.transitions, alert: step.alert },
    notifications: step.notifications,
  };
}

/**
 * Time passing with no new result, for one (integration, rule): a firing alert's reminder falls due, or a flapping
 * one has been stable long enough to say where it settled. Run on a timer, so that neither waits for the next
 * result (an integration probed hourly, or paused with its alert firing). Anything else is left as it is.
 */
export function evaluateClock(
  rule: AlertRule,
  state: AlertState,
  integration: AlertIntegration,
  now: Date,
): AlertEvaluation {
  const { alert } = state;
  if (alert?.state !== 'firing') return { state, notifications: [] };
  const context: Context = { rule, integration, policy: flappingPolicy(rule), now };
  const step =
    alert.flapping !== null
      ? whileFlapping(alert, alert.flapping, { kind: 'unknown' }, state.transitions, context)
      : { ...remind(alert, context), transitions: state.transitions };
  if (step.notifications.length === 0) return { state, notifications: [] };
  return {
    state: { ...state, transitions: step.transitions, alert: step.alert },
    notifications: step.notifications,
  };
}
