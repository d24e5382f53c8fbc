import { formatMs } from './format';

export interface SparklineSeries {
  /**
   * Median total latency of each slot of the last hour, in ms; null where nothing ran (the line bridges it).
   * A bare array, not one object per point: a page holds a hundred rows of sixty slots, and this is what the
   * page's payload carries to the browser; the sparkline makes its points only when it draws.
   */
  values: readonly (number | null)[];
  /** What the line shows, for screen readers: the sparkline itself is drawn without axes or numbers. */
  label: string;
}

/** An overview row's last hour of median latencies as the sparkline draws it. */
export function sparklineSeries(values: readonly (number | null)[]): SparklineSeries {
  const last = values.findLast((value) => value !== null);
  return {
    values,
    label:
      last === undefined
        ? 'No latency in the last hour'
        : `Latency over the last hour; latest median ${formatMs(last)}`,
  };
}
