import type { RateLimit, Trend, TrendPoint } from '@ihm/contracts';
import type { LatencyPhase } from '@ihm/diagnosis';
import {
  formatCount,
  formatDateTime,
  formatMs,
  formatNumber,
  formatPercent,
  formatRelative,
  formatSeconds,
} from './format';

// A trend as each chart of the detail page draws it: one point per bucket, keyed by the bucket's start (`at`),
// and the sentence that says what the chart shows. Pure, so the server shapes the data and the charts only draw.

export const PERCENTILES = ['p50', 'p95'] as const;
export type Percentile = (typeof PERCENTILES)[number];

const PERCENTILE_FIELDS = { p50: 'latencyP50Ms', p95: 'latencyP95Ms' } as const satisfies Record<
  Percentile,
  keyof TrendPoint
>;

export type LatencyPoint = { at: string } & Record<LatencyPhase, number | null>;
export interface LatencySeries {
  points: LatencyPoint[];
  /** Buckets with at least one probe: none means nothing to draw, a few means dots. */
  probedBuckets: number;
  summary: string;
}

export interface SuccessPoint {
  at: string;
  /** Share of the bucket's probes that were not down, 0 to 1; null without probes. */
  success: number | null;
}
export interface SuccessSeries {
  points: SuccessPoint[];
  probedBuckets: number;
  summary: string;
}

export interface RateLimitPoint {
  at: string;
  remaining: number | null;
  limit: number | null;
}
export interface RateLimitSeries {
  points: RateLimitPoint[];
  /** Buckets in which the API sent its remaining budget. */
  reportedBuckets: number;
  summary: string;
}

const probed = (trend: Trend) => trend.points.filter((point) => point.probes > 0);

/** Latency of each phase per bucket, for the median and the 95th percentile (the chart switches between them). */
export function latencySeries(trend: Trend): Record<Percentile, LatencySeries> {
  const withProbes = probed(trend);
  const latest = withProbes.at(-1);
  const series = (percentile: Percentile): LatencySeries => {
    const field = PERCENTILE_FIELDS[percentile];
    return {
      points: trend.points.map((point) => ({ at: point.at, ...point[field] })),
      probedBuckets: withProbes.length,
      summary: latest
        ? `Latest ${percentile} total: ${formatMs(latest[field].total)}`
        : 'No latency measured in this window.',
    };
  };
  return { p50: series('p50'), p95: series('p95') };
}

/** The share of probes that were not down, per bucket, and over the whole window. */
export function successSeries(trend: Trend): SuccessSeries {
  const probes = trend.points.reduce((sum, point) => sum + point.probes, 0);
  const failures = trend.points.reduce((sum, point) => sum + point.failures, 0);
  return {
    points: trend.points.map((point) => ({ at: point.at, success: point.successRate })),
    probedBuckets: probed(trend).length,
    summary:
      probes === 0
        ? 'No probes in this window.'
        : `${formatPercent((probes - failures) / probes)} of ${formatCount(probes, 'probe')} succeeded (${formatNumber(failures)} down).`,
  };
}

const NO_RATE_LIMIT_HEADERS = 'The API sent no rate-limit headers in this window.';

function rateLimitSummary(latest: RateLimit | null, now: number): string {
  if (!latest) return NO_RATE_LIMIT_HEADERS;
  const parts: string[] = [];
  if (latest.remaining !== null) {
    const of = latest.limit === null ? '' : ` of ${formatNumber(latest.limit)}`;
    parts.push(`${formatNumber(latest.remaining)}${of} requests left`);
  }
  if (latest.resetAt !== null) {
    parts.push(`resets ${formatRelative(latest.resetAt, now)} (${formatDateTime(latest.resetAt)})`);
  }
  if (latest.retryAfterSeconds !== null) parts.push(`Retry-After ${formatSeconds(latest.retryAfterSeconds)}`);
  return parts.length ? `${parts.join(', ')}.` : NO_RATE_LIMIT_HEADERS;
}

/** The remaining budget against the limit per bucket; the summary reads the latest result's headers. */
export function rateLimitSeries(trend: Trend, latest: RateLimit | null, now: number): RateLimitSeries {
  return {
    points: trend.points.map((point) => ({
      at: point.at,
      remaining: point.rateLimitRemaining,
      limit: point.rateLimitLimit,
    })),
    reportedBuckets: trend.points.filter((point) => point.rateLimitRemaining !== null).length,
    summary: rateLimitSummary(latest, now),
  };
}
