import { formatMs } from '../../humanize';
import { troubleshootingSteps } from '../../troubleshooting';
import type { LatencyP95Condition } from '../alert-rule';
import type { ConditionCheck, ConditionInput } from './condition-input';
import { formatWindow, withinWindow } from './window';

/** Fewer probes say little about a 95th percentile: a p95 over the threshold stays pending until five. */
export const MIN_LATENCY_SAMPLES = 5;

export interface LatencyP95Memory {
  type: 'latencyP95';
  samples: { at: Date; ms: number }[];
}

/** Nearest rank: a latency a probe actually took, the smallest that 95 % of the samples do not exceed. */
export function p95(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil(0.95 * sorted.length) - 1] ?? null;
}

export function checkLatencyP95(
  condition: LatencyP95Condition,
  memory: LatencyP95Memory | null,
  { result, now }: ConditionInput,
): ConditionCheck<LatencyP95Memory> {
  const added = result.totalMs === null ? [] : [{ at: result.startedAt, ms: result.totalMs }];
  const samples = withinWindow([...(memory?.samples ?? []), ...added], now, condition.windowMinutes);
  const next: LatencyP95Memory = { type: 'latencyP95', samples };
  const latency = p95(samples.map((sample) => sample.ms));
  if (latency === null || latency <= condition.thresholdMs)
    return { memory: next, verdict: { kind: 'clear' } };
  const cause = {
    category: 'network_timeout' as const,
    severity: 'degraded' as const,
    message: `p95 latency over the last ${formatWindow(condition.windowMinutes)} is ${formatMs(latency)} (${samples.length} probes), above the ${formatMs(condition.thresholdMs)} threshold.`,
    troubleshooting: [
      'Look at the phase timings of the slow results: a slow connect or TLS points at the network, a slow first byte at the API.',
      ...troubleshootingSteps('network_timeout'),
    ],
  };
  return {
    memory: next,
    verdict: { kind: samples.length >= MIN_LATENCY_SAMPLES ? 'met' : 'pending', cause },
  };
}
