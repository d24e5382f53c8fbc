import type { Trend } from '@ihm/contracts';
import { formatCount, formatNumber } from './format';

// A webhook integration's trend as its delivery-rate chart draws it. The monitor counts deliveries as probes and
// rejected ones (and detected silences) as failures, so the same trend API serves both kinds.

export interface DeliveryPoint {
  at: string;
  accepted: number;
  rejected: number;
}

export interface DeliverySeries {
  points: DeliveryPoint[];
  /** Buckets with at least one delivery: none means nothing to draw. */
  deliveredBuckets: number;
  /** What one bar counts: "per 5 min", "per hour". */
  perBucket: string;
  summary: string;
}

const HOUR = 3600;

function bucketName(seconds: number): string {
  if (seconds === HOUR) return 'per hour';
  if (seconds % 86_400 === 0) return seconds === 86_400 ? 'per day' : `per ${seconds / 86_400} days`;
  if (seconds % HOUR === 0) return `per ${seconds / HOUR} h`;
  if (seconds % 60 === 0) return seconds === 60 ? 'per minute' : `per ${seconds / 60} min`;
  return `per ${seconds} s`;
}

/** Accepted and rejected deliveries per bucket, and the window's hourly rate. */
export function deliverySeries(trend: Trend): DeliverySeries {
  const deliveries = trend.points.reduce((sum, point) => sum + point.probes, 0);
  const rejected = trend.points.reduce((sum, point) => sum + point.failures, 0);
  const hours = (trend.points.length * trend.bucketSeconds) / HOUR;
  const perHour = hours > 0 ? Math.round((deliveries / hours) * 10) / 10 : 0;
  return {
    points: trend.points.map((point) => ({
      at: point.at,
      accepted: point.probes - point.failures,
      rejected: point.failures,
    })),
    deliveredBuckets: trend.points.filter((point) => point.probes > 0).length,
    perBucket: bucketName(trend.bucketSeconds),
    summary:
      deliveries === 0
        ? 'No deliveries in this window.'
        : `${formatCount(deliveries, 'delivery', 'deliveries')}, ${formatNumber(rejected)} rejected: about ${formatNumber(perHour)} per hour.`,
  };
}
