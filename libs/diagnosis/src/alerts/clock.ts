import { formatInstant } from '../humanize';

/** `14:32 UTC` on the day of `now` (UTC), the full `2026-11-27 14:32 UTC` on any other day. */
export function formatClock(date: Date, now: Date): string {
  const sameDay = date.toISOString().slice(0, 10) === now.toISOString().slice(0, 10);
  return sameDay ? `${date.toISOString().slice(11, 16)} UTC` : formatInstant(date);
}
