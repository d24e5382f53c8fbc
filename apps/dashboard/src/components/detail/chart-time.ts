import type { TrendWindow } from '@ihm/contracts';

/** Axis labels that fit the window: clock time within a day, dates beyond. */
export function chartTimeFormatter(window: TrendWindow): (iso: string) => string {
  const options: Intl.DateTimeFormatOptions =
    window === '1h' || window === '24h'
      ? { hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short' };
  const format = new Intl.DateTimeFormat('en-GB', options);
  return (iso) => format.format(new Date(iso));
}
