/**
 * `up`: the integration works. `degraded`: it works but a warning holds (slow, budget low, expiry near).
 * `down`: it does not work.
 */
export const PROBE_STATUSES = ['up', 'degraded', 'down'] as const;

export type ProbeStatus = (typeof PROBE_STATUSES)[number];
