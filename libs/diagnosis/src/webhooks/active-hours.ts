/** The days of a week, as working hours name them. */
export const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type DayName = (typeof DAY_NAMES)[number];

/** Hours of a time zone in which deliveries are expected (working hours); outside them silence does not count. */
export interface ActiveHours {
  timeZone: string;
  days: readonly DayName[];
  /** `HH:MM`, local time. */
  start: string;
  end: string;
}

const DAY_MS = 86_400_000;
/** More than a year of days without one active window cannot happen with at least one day named. */
const MAX_DAYS = 400;
const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The wall-clock time of an instant in a zone, written as if it were UTC (its fields are the local ones). */
function wallClock(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatFor(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  );
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The instant at which the zone's clock shows `wall` (a UTC-written wall time); DST gaps resolve forwards. */
function instantOf(wall: number, timeZone: string): number {
  const guess = wall - (wallClock(wall, timeZone) - wall);
  const corrected = wall - (wallClock(guess, timeZone) - guess);
  return corrected;
}

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The active windows, as instants, of the local days from the one containing `from` onwards. */
function* windows(from: number, hours: ActiveHours): Generator<[number, number]> {
  const localDay = Math.floor(wallClock(from, hours.timeZone) / DAY_MS) * DAY_MS;
  for (let day = 0; day < MAX_DAYS; day += 1) {
    const midnight = localDay + day * DAY_MS;
    // Date.UTC(1970, 0, 1) was a Thursday: index 3 of DAY_NAMES.
    const weekday = DAY_NAMES[(Math.floor(midnight / DAY_MS) + 3) % 7]!;
    if (!hours.days.includes(weekday)) continue;
    yield [
      instantOf(midnight + minutesOf(hours.start) * 60_000, hours.timeZone),
      instantOf(midnight + minutesOf(hours.end) * 60_000, hours.timeZone),
    ];
  }
}

/** Seconds between two instants that fall inside the active hours (all of them without active hours). */
export function activeSecondsBetween(from: Date, to: Date, hours: ActiveHours | null): number {
  const start = from.getTime();
  const end = to.getTime();
  if (end <= start) return 0;
  if (!hours) return (end - start) / 1000;
  let total = 0;
  for (const [open, close] of windows(start, hours)) {
    if (open >= end) break;
    total += Math.max(0, Math.min(close, end) - Math.max(open, start));
  }
  return total / 1000;
}

/** The instant at which `seconds` of active time will have passed since `from`. */
export function afterActiveSeconds(from: Date, seconds: number, hours: ActiveHours | null): Date {
  const start = from.getTime();
  if (!hours) return new Date(start + seconds * 1000);
  let remaining = seconds * 1000;
  for (const [open, close] of windows(start, hours)) {
    const begin = Math.max(open, start);
    if (close <= begin) continue;
    if (close - begin >= remaining) return new Date(begin + remaining);
    remaining -= close - begin;
  }
  return new Date(start + MAX_DAYS * DAY_MS);
}
