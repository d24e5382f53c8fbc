import type { Category } from '../../categories';
import type { FailureRatioCondition } from '../alert-rule';
import type { AlertCause } from '../alert';
import type { ConditionCheck, ConditionInput } from './condition-input';
import { failureCause } from './failure-cause';
import { formatWindow, withinWindow } from './window';

/**
 * Below five probes one failure is already 20 % or more, the usual threshold: with fewer, a ratio that holds
 * is only pending, so a single failed probe of one never fires.
 */
export const MIN_RATIO_SAMPLES = 5;

export interface FailureRatioMemory {
  type: 'failureRatio';
  /** One per probe in the window: the category of a failure the rule counts, null for any other result. */
  samples: { at: Date; category: Category | null }[];
  /** The newest failure of each category still in the window. */
  causes: AlertCause[];
}

/** The category most failures had; a tie keeps the open alert's category, else the most recent one. */
function dominantCategory(failed: readonly Category[], current: Category | null): Category | null {
  const counts = new Map<Category, number>();
  for (const category of failed) counts.set(category, (counts.get(category) ?? 0) + 1);
  const most = Math.max(0, ...counts.values());
  const tied = [...counts].filter(([, n]) => n === most).map(([category]) => category);
  if (current !== null && tied.includes(current)) return current;
  return failed.findLast((category) => tied.includes(category)) ?? null;
}

export function checkFailureRatio(
  condition: FailureRatioCondition,
  memory: FailureRatioMemory | null,
  { rule, result, now, current }: ConditionInput,
): ConditionCheck<FailureRatioMemory> {
  const cause = failureCause(rule, result);
  const samples = withinWindow(
    [...(memory?.samples ?? []), { at: result.startedAt, category: cause?.category ?? null }],
    now,
    condition.windowMinutes,
  );
  const failed = samples.flatMap((sample) => (sample.category === null ? [] : [sample.category]));
  const causes = [
    ...(memory?.causes ?? []).filter((c) => c.category !== cause?.category),
    ...(cause ? [cause] : []),
  ];
  const next: FailureRatioMemory = {
    type: 'failureRatio',
    samples,
    causes: causes.filter((c) => failed.includes(c.category)),
  };
  const dominant = dominantCategory(failed, current?.category ?? null);
  const latest = next.causes.find((c) => c.category === dominant);
  if (failed.length * 100 <= condition.percent * samples.length || latest === undefined) {
    return { memory: next, verdict: { kind: 'clear' } };
  }
  const message = `${failed.length} of ${samples.length} probes failed in the last ${formatWindow(condition.windowMinutes)} (more than ${condition.percent} %). Latest: ${latest.message}`;
  return {
    memory: next,
    verdict: { kind: samples.length >= MIN_RATIO_SAMPLES ? 'met' : 'pending', cause: { ...latest, message } },
  };
}
