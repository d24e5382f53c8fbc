import { CATEGORIES, emptyHistogram, LATENCY_PHASES, recordLatency } from '@ihm/diagnosis';
import type { ResultEntry } from './result-entry';

export type RollupUnit = 'minute' | 'hour';

export interface RollupRow {
  integration_id: string;
  bucket_start: string;
  probe_count: number;
  degraded_count: number;
  failure_count: number;
  failures_by_category: number[];
  latency_histogram: number[];
  /** 0 for a phase without observations (the histogram says which). */
  latency_max_ms: number[];
  rate_limit_remaining: number | null;
  rate_limit_limit: number | null;
  rate_limit_at: string | null;
}

const UNIT_MS: Record<RollupUnit, number> = { minute: 60_000, hour: 3_600_000 };

export function bucketStart(iso: string, unit: RollupUnit): string {
  const ms = Date.parse(iso);
  return new Date(ms - (ms % UNIT_MS[unit])).toISOString();
}

/**
 * Aggregates a batch of results into one row per integration and bucket, in the shape the database merges
 * additively (counts and histograms add, maxima take the larger, rate limit keeps the newest).
 */
export function buildRollups(entries: readonly ResultEntry[], unit: RollupUnit): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const { integrationId, result } of entries) {
    const start = bucketStart(result.startedAt, unit);
    const key = `${integrationId}|${start}`;
    let row = rows.get(key);
    if (!row) {
      row = {
        integration_id: integrationId,
        bucket_start: start,
        probe_count: 0,
        degraded_count: 0,
        failure_count: 0,
        failures_by_category: new Array<number>(CATEGORIES.length).fill(0),
        latency_histogram: emptyHistogram(),
        latency_max_ms: new Array<number>(LATENCY_PHASES.length).fill(0),
        rate_limit_remaining: null,
        rate_limit_limit: null,
        rate_limit_at: null,
      };
      rows.set(key, row);
    }
    row.probe_count += 1;
    if (result.status === 'degraded') row.degraded_count += 1;
    if (result.status === 'down') row.failure_count += 1;
    if (result.category && result.status !== 'up')
      row.failures_by_category[CATEGORIES.indexOf(result.category)]! += 1;
    LATENCY_PHASES.forEach((phase, i) => {
      const ms = result.timings[`${phase}Ms`];
      if (ms === null) return;
      recordLatency(row.latency_histogram, phase, ms);
      row.latency_max_ms[i] = Math.max(row.latency_max_ms[i]!, ms);
    });
    const remaining = result.rateLimit?.remaining ?? null;
    if (remaining !== null && (row.rate_limit_at === null || result.startedAt > row.rate_limit_at)) {
      row.rate_limit_remaining = remaining;
      row.rate_limit_limit = result.rateLimit?.limit ?? null;
      row.rate_limit_at = result.startedAt;
    }
  }
  return [...rows.values()];
}

export interface LatestStatusRow {
  integration_id: string;
  checked_at: string;
  status: string;
  category: string | null;
  http_status: number | null;
  message: string;
  total_ms: number | null;
  rate_limit_remaining: number | null;
  rate_limit_limit: number | null;
  /** Trailing `down` results in this batch. */
  trailing_failures: number;
  /** Every result of this batch was `down`: the stored count continues rather than restarts. */
  all_down: boolean;
}

/** The newest result per integration, with how many failures in a row the batch ends on. */
export function latestStatuses(entries: readonly ResultEntry[]): LatestStatusRow[] {
  const byIntegration = new Map<string, ResultEntry[]>();
  for (const entry of entries) {
    const list = byIntegration.get(entry.integrationId) ?? [];
    list.push(entry);
    byIntegration.set(entry.integrationId, list);
  }
  return [...byIntegration.entries()].map(([integrationId, list]) => {
    const sorted = [...list].sort((a, b) => a.result.startedAt.localeCompare(b.result.startedAt));
    const newest = sorted[sorted.length - 1]!.result;
    let trailing = 0;
    for (let i = sorted.length - 1; i >= 0 && sorted[i]!.result.status === 'down'; i -= 1) trailing += 1;
    return {
      integration_id: integrationId,
      checked_at: newest.startedAt,
      status: newest.status,
      category: newest.category,
      http_status: newest.httpStatus,
      message: newest.message,
      total_ms: newest.timings.totalMs,
      rate_limit_remaining: newest.rateLimit?.remaining ?? null,
      rate_limit_limit: newest.rateLimit?.limit ?? null,
      trailing_failures: trailing,
      all_down: trailing === sorted.length,
    };
  });
}
