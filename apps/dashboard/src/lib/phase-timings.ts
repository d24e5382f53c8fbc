import type { ProbeResult } from '@ihm/contracts';
import { LATENCY_PHASES, type LatencyPhase } from '@ihm/diagnosis';

export interface PhaseTiming {
  label: string;
  ms: number;
}

const PHASE_LABELS: Readonly<Record<LatencyPhase, string>> = {
  dns: 'DNS',
  connect: 'Connect',
  tls: 'TLS',
  ttfb: 'First byte',
  total: 'Total',
};

/** One probe's phases in the order of the exchange, leaving out those it did not reach or need (TLS on http). */
export function phaseTimings(timings: ProbeResult['timings']): PhaseTiming[] {
  return LATENCY_PHASES.flatMap((phase) => {
    const ms = timings[`${phase}Ms`];
    return ms === null ? [] : [{ label: PHASE_LABELS[phase], ms }];
  });
}
