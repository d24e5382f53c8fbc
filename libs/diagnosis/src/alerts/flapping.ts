import type { FlappingPolicy } from './alert-rule';

const MINUTE_MS = 60_000;

/**
 * The fire/resolve transitions flapping detection still reads, newest last: those of the window and of the
 * stable period, and no more than one over the count that makes an alert flap.
 */
export function keepTransitions(transitions: readonly Date[], now: Date, policy: FlappingPolicy): Date[] {
  const from = now.getTime() - Math.max(policy.windowMinutes, policy.stableMinutes) * MINUTE_MS;
  return transitions.filter((at) => at.getTime() > from).slice(-(policy.maxTransitions + 1));
}

/** More than `maxTransitions` transitions in the last `windowMinutes`. */
export function isFlapping(transitions: readonly Date[], now: Date, policy: FlappingPolicy): boolean {
  const from = now.getTime() - policy.windowMinutes * MINUTE_MS;
  return transitions.filter((at) => at.getTime() > from).length > policy.maxTransitions;
}

/** No transition in the last `stableMinutes`. */
export function isStable(transitions: readonly Date[], now: Date, policy: FlappingPolicy): boolean {
  const last = transitions.at(-1);
  return last === undefined || now.getTime() - last.getTime() >= policy.stableMinutes * MINUTE_MS;
}
