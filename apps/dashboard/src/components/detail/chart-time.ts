import type { TrendWindow } from '@ihm/contracts';
import { formatDateTime } from '../../lib/format';

/** Axis labels that fit the window: clock time within a day, dates beyond. */
function chartTimeFormatter(window: TrendWindow): (iso: string) => string {
  const options: Intl.DateTimeFormatOptions =
    window === '1h' || window === '24h'
      ? { hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short' };
  const format = new Intl.DateTimeFormat('en-GB', options);
  return (iso) => format.format(new Date(iso));
}

/** The time axis every trend chart shares: points keyed by `at`, labelled for the window. */
export const timeAxisProps = (window: TrendWindow) => ({
  dataKey: 'at',
  tickFormatter: chartTimeFormatter(window),
  stroke: 'var(--muted)',
  fontSize: 11,
  minTickGap: 24,
});

/** The tooltip every trend chart shares: the bucket's full date and time, in the theme's colours. */
export const tooltipProps = {
  labelFormatter: (label: unknown) => formatDateTime(String(label)),
  contentStyle: { background: 'var(--panel)', border: '1px solid var(--border)' },
};
