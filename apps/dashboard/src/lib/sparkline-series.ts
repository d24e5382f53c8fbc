import { formatMs } from './format';

export interface SparklinePoint {
  /** Median total latency of one slot of the last hour, in ms; null where nothing ran (the line bridges it). */
  value: number | null;
}

export interface SparklineSeries {
  points: SparklinePoint[];
  /** What the line shows, for screen readers: the sparkline itself is drawn without axes or numbers. */
  label: string;
}

/** An overview row's last hour of median latencies as the sparkline draws it. */
export function sparklineSeries(values: readonly (number | null)[]): SparklineSeries {
  const last = values.findLast((value) => value !== null);
  return {
    points: values.map((value) => ({ value })),
    label:
      last === undefined
        ? 'No latency in the last hour'
        : `Latency over the last hour; latest median ${formatMs(last)}`,
  };
}
