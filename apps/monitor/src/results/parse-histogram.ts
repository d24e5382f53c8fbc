import type { LatencyHistogram } from '@ihm/diagnosis';

/** A histogram read as text (`array_to_string(…, ',')`, cheaper than the driver's array conversion). */
export function parseHistogram(counts: string | null, maxMs: number | null): LatencyHistogram {
  return { counts: counts ? counts.split(',').map(Number) : [], maxMs };
}
