import type { Category } from '../categories';
import type { AlertScope } from './alert-rule';
import type { AlertIntegration } from './evaluated-result';
import { inScope } from './rule-scope';

/** 0 is Sunday, as `Date.getUTCDay` counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A weekly window from `start` to `end` (`HH:MM`) on `day`. An end not after its start ends on the next day,
 * so `22:00`–`02:00` crosses midnight and `00:00`–`00:00` is the whole day. Windows are read in UTC only.
 */
export interface WeeklyWindow {
  day: Weekday;
  start: string;
  end: string;
  timeZone?: 'UTC';
}

/**
 * A silence or maintenance window over a scope (same meaning as a rule's scope). With a recurrence, it is
 * active inside its weekly windows between `startsAt` and `endsAt`; without one, from `startsAt` to `endsAt`.
 */
export interface Silence {
  scope: AlertScope;
  startsAt: Date;
  endsAt: Date;
  recurrence?: { weekly: WeeklyWindow[] };
}

const DAY_MINUTES = 24 * 60;

function minuteOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

function inWeeklyWindow(slot: WeeklyWindow, now: Date): boolean {
  const minuteOfWeek = now.getUTCDay() * DAY_MINUTES + now.getUTCHours() * 60 + now.getUTCMinutes();
  const startOfDay = minuteOfDay(slot.start);
  const endOfDay = minuteOfDay(slot.end);
  const start = slot.day * DAY_MINUTES + startOfDay;
  const end = slot.day * DAY_MINUTES + endOfDay + (endOfDay > startOfDay ? 0 : DAY_MINUTES);
  // Saturday's window can run into Sunday, the start of the next week.
  return [minuteOfWeek, minuteOfWeek + 7 * DAY_MINUTES].some((minute) => minute >= start && minute < end);
}

/** Whether this silence holds back notifications about this integration and category at `now`. */
export function isSilenced(
  silence: Silence,
  integration: AlertIntegration,
  category: Category,
  now: Date,
): boolean {
  const t = now.getTime();
  if (t < silence.startsAt.getTime() || t >= silence.endsAt.getTime()) return false;
  if (!inScope(silence.scope, integration, category)) return false;
  const weekly = silence.recurrence?.weekly ?? [];
  return weekly.length === 0 || weekly.some((slot) => inWeeklyWindow(slot, now));
}
