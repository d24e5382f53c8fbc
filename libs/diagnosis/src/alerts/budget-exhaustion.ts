import { formatCount, formatDuration } from '../humanize';
import { formatClock } from './clock';

/** One probe's reading of a rate-limit budget that names its limit and its reset. */
export interface BudgetReading {
  at: Date;
  limit: number;
  remaining: number;
  resetAt: Date;
}

/**
 * Two readings give a rate from one interval, which a single burst of other traffic skews; three are the
 * fewest that least squares can average.
 */
export const MIN_FORECAST_READINGS = 3;

/** The last ten readings (ten minutes at the default interval): the rate now, not an hour-old load. */
export const MAX_FORECAST_READINGS = 10;

/** A reset sent as seconds from now moves by a second or so between probes without the period changing. */
const RESET_TOLERANCE_MS = 5_000;

/**
 * Adds a reading to those of the current reset period. The period goes on while the limit is the same and
 * either the reset is the same or the budget has not grown; a grown budget with a new reset is a new period.
 */
export function addBudgetReading(
  readings: readonly BudgetReading[],
  reading: BudgetReading,
): BudgetReading[] {
  const last = readings.at(-1);
  const sameReset =
    last !== undefined && Math.abs(last.resetAt.getTime() - reading.resetAt.getTime()) <= RESET_TOLERANCE_MS;
  const samePeriod =
    last !== undefined && last.limit === reading.limit && (sameReset || reading.remaining <= last.remaining);
  return samePeriod ? [...readings, reading].slice(-MAX_FORECAST_READINGS) : [reading];
}

export interface BudgetForecast {
  limit: number;
  remaining: number;
  /** Requests spent per minute, by least squares over the period's readings. */
  ratePerMinute: number;
  /** When the budget is (or was) used up. */
  exhaustsAt: Date;
  resetAt: Date;
}

/** The slope of remaining over time, per minute, by least squares; null when all readings share one time. */
function slopePerMinute(readings: readonly BudgetReading[]): number | null {
  const minutes = (reading: BudgetReading) => reading.at.getTime() / 60_000;
  const meanX = readings.reduce((sum, reading) => sum + minutes(reading), 0) / readings.length;
  const meanY = readings.reduce((sum, reading) => sum + reading.remaining, 0) / readings.length;
  let covariance = 0;
  let variance = 0;
  for (const reading of readings) {
    covariance += (minutes(reading) - meanX) * (reading.remaining - meanY);
    variance += (minutes(reading) - meanX) ** 2;
  }
  return variance === 0 ? null : covariance / variance;
}

/**
 * When the budget of this period runs out at the rate it is being spent, counted from the newest reading
 * (the line's own intercept leans on older readings). Null with too few readings, when nothing is being
 * spent, or when the reset is already due.
 */
export function forecastExhaustion(readings: readonly BudgetReading[]): BudgetForecast | null {
  const latest = readings.at(-1);
  if (readings.length < MIN_FORECAST_READINGS || latest === undefined) return null;
  if (latest.resetAt.getTime() <= latest.at.getTime()) return null;
  const slope = slopePerMinute(readings);
  const ratePerMinute = slope === null ? 0 : -slope;
  const { limit, remaining, resetAt } = latest;
  if (remaining === 0) {
    const firstEmpty = readings[readings.findLastIndex((reading) => reading.remaining > 0) + 1] ?? latest;
    return { limit, remaining, ratePerMinute, exhaustsAt: firstEmpty.at, resetAt };
  }
  if (ratePerMinute <= 0) return null;
  const exhaustsAt = new Date(latest.at.getTime() + (remaining / ratePerMinute) * 60_000);
  return { limit, remaining, ratePerMinute, exhaustsAt, resetAt };
}

/** "At this rate (120 requests/min) the 5,000-request budget is gone at 14:32 UTC, 26 min before it resets." */
export function forecastMessage(forecast: BudgetForecast, now: Date): string {
  const budget = `${formatCount(forecast.limit)}-request budget`;
  const when = formatClock(forecast.exhaustsAt, now);
  const early = `${formatDuration((forecast.resetAt.getTime() - forecast.exhaustsAt.getTime()) / 1000)} before it resets`;
  if (forecast.remaining === 0) return `The ${budget} ran out at ${when}, ${early}.`;
  const rate = formatCount(Math.round(forecast.ratePerMinute * 10) / 10);
  return `At this rate (${rate} requests/min) the ${budget} is gone at ${when}, ${early}.`;
}
