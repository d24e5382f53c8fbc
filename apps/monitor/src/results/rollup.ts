import { emptyPhaseHistograms, LATENCY_PHASES, recordLatency, type PhaseHistograms } from '@ihm/diagnosis';
import type { ResultEntry } from './result-entry';

export type RollupUnit = 'minute' | 'hour';

/** One integration's results in one minute or hour, in the shape the database merges additively. */
export interface Rollup {
  integrationId: string;
  bucketStart: Date;
  probeCount: number;
  degradedCount: number;
  failureCount: number;
  latency: PhaseHistograms;
  /** The newest rate-limit reading of the bucket. */
  rateLimit: { remaining: number; limit: number | null; at: Date } | null;
}

const UNIT_MS: Record<RollupUnit, number> = { minute: 60_000, hour: 3_600_000 };

export function bucketStart(at: Date, unit: RollupUnit): Date {
  return new Date(at.getTime() - (at.getTime() % UNIT_MS[unit]));
}

/**
 * Aggregates a batch of results into one rollup per integration and bucket: counts and histograms add, maxima
 * take the larger, the rate limit keeps the newest reading.
 */
export function buildRollups(entries: readonly ResultEntry[], unit: RollupUnit): Rollup[] {
  const rollups = new Map<string, Rollup>();
  for (const { integrationId, result } of entries) {
    const start = bucketStart(result.startedAt, unit);
    const key = `${integrationId}|${start.getTime()}`;
    let rollup = rollups.get(key);
    if (!rollup) {
      rollup = {
        integrationId,
        bucketStart: start,
        probeCount: 0,
        degradedCount: 0,
        failureCount: 0,
        latency: emptyPhaseHistograms(),
        rateLimit: null,
      };
      rollups.set(key, rollup);
    }
    rollup.probeCount += 1;
    if (result.status === 'degraded') rollup.degradedCount += 1;
    if (result.status === 'down') rollup.failureCount += 1;
    for (const phase of LATENCY_PHASES) {
      const ms = result.timings[`${phase}Ms`];
      if (ms !== null) recordLatency(rollup.latency[phase], ms);
    }
    const remaining = result.rateLimit?.remaining ?? null;
    if (remaining !== null && (rollup.rateLimit === null || result.startedAt > rollup.rateLimit.at)) {
      rollup.rateLimit = { remaining, limit: result.rateLimit?.limit ?? null, at: result.startedAt };
    }
  }
  return [...rollups.values()];
}

/** The newest result of each integration in a batch. */
export function newestByIntegration<T extends ResultEntry>(entries: readonly T[]): T[] {
  const newest = new Map<string, T>();
  for (const entry of entries) {
    const seen = newest.get(entry.integrationId);
    if (!seen || entry.result.startedAt >= seen.result.startedAt) newest.set(entry.integrationId, entry);
  }
  return [...newest.values()];
}
