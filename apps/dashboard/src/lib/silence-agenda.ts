import type { Silence } from '@ihm/contracts';
import { isSilenced, type Weekday, type WeeklyWindow } from '@ihm/diagnosis';

export type SilencePhase = 'active' | 'upcoming' | 'ended';

export interface AgendaSection {
  phase: SilencePhase;
  label: string;
  items: Silence[];
}

/** Any integration at all: with the scope left out, `isSilenced` answers whether the silence's time holds. */
const ANY_INTEGRATION = { id: '', name: '', tags: [] };

const isWeekday = (day: number): day is Weekday => Number.isInteger(day) && day >= 0 && day <= 6;

/** The contract's windows as the domain types them (the contract checks the day is 0 to 6). */
function weeklyWindows(silence: Silence): WeeklyWindow[] {
  return (silence.recurrence?.weekly ?? []).flatMap(({ day, start, end }) =>
    isWeekday(day) ? [{ day, start, end }] : [],
  );
}

/** Whether the silence holds now (inside its weekly windows, when it has some), whatever it covers. */
export function holdsNow(silence: Silence, now: number): boolean {
  return isSilenced(
    {
      scope: {},
      startsAt: new Date(silence.startsAt),
      endsAt: new Date(silence.endsAt),
      ...(silence.recurrence ? { recurrence: { weekly: weeklyWindows(silence) } } : {}),
    },
    ANY_INTEGRATION,
    'connectivity',
    new Date(now),
  );
}

export function silencePhase(silence: Silence, now: number): SilencePhase {
  if (holdsNow(silence, now)) return 'active';
  return Date.parse(silence.endsAt) > now ? 'upcoming' : 'ended';
}

const LABELS: Readonly<Record<SilencePhase, string>> = {
  active: 'Active now',
  upcoming: 'Upcoming',
  ended: 'Ended',
};

/**
 * Silences as an agenda: those holding now, then those to come (a weekly one between its windows too), each by
 * start; then those that ended, the latest first. Empty sections are left out.
 */
export function silenceAgenda(silences: readonly Silence[], now: number): AgendaSection[] {
  const byStart = [...silences].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  return (['active', 'upcoming', 'ended'] as const)
    .map((phase) => {
      const items = byStart.filter((silence) => silencePhase(silence, now) === phase);
      if (phase === 'ended') items.sort((a, b) => Date.parse(b.endsAt) - Date.parse(a.endsAt));
      return { phase, label: LABELS[phase], items };
    })
    .filter((section) => section.items.length > 0);
}

export const WEEKDAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** "Saturday 22:00–02:00 UTC": one weekly window (an end not after its start runs into the next day). */
export function weeklyWindowText(window: { day: number; start: string; end: string }): string {
  const nextDay = window.end <= window.start ? ' (next day)' : '';
  return `${WEEKDAYS[window.day] ?? `day ${window.day}`} ${window.start}–${window.end}${nextDay} UTC`;
}
