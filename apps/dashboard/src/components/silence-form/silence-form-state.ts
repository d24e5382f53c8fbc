import type { Silence } from '@ihm/contracts';
import { EMPTY_SCOPE, fromScope, type ScopeForm } from '../scope/scope-form';

export interface WeeklyRow {
  /** Stable per row, so that React keeps each row's inputs and ids while rows come and go. */
  key: number;
  day: string;
  start: string;
  end: string;
}

/** What the inputs hold: instants as `datetime-local` text in the browser's time zone, windows in UTC. */
export interface SilenceFormState {
  scope: ScopeForm;
  startsAt: string;
  endsAt: string;
  comment: string;
  weekly: boolean;
  windows: WeeklyRow[];
}

/** A new silence's length until it is changed: long enough for a deploy or a provider's maintenance. */
const DEFAULT_HOURS = 2;

/** A new window until it is changed: Saturday night, when maintenance usually happens. */
const DEFAULT_WINDOW = { day: '6', start: '22:00', end: '02:00' } as const;

/** `datetime-local` text of an instant, in the browser's time zone, to the minute. */
export function localInputValue(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Starting now, for two hours; a weekly window on Saturday night, if it is turned on. */
export function emptySilenceForm(now: Date): SilenceFormState {
  return {
    scope: EMPTY_SCOPE,
    startsAt: localInputValue(now),
    endsAt: localInputValue(new Date(now.getTime() + DEFAULT_HOURS * 3_600_000)),
    comment: '',
    weekly: false,
    windows: [{ key: 0, ...DEFAULT_WINDOW }],
  };
}

/** A stored silence in the inputs, its instants in the browser's time zone; no windows yet: one to start from. */
export function fromSilence(silence: Silence): SilenceFormState {
  return {
    scope: fromScope(silence.scope),
    startsAt: localInputValue(new Date(silence.startsAt)),
    endsAt: localInputValue(new Date(silence.endsAt)),
    comment: silence.comment,
    weekly: silence.recurrence !== null,
    windows: silence.recurrence
      ? silence.recurrence.weekly.map(({ day, start, end }, key) => ({ key, day: String(day), start, end }))
      : [{ key: 0, ...DEFAULT_WINDOW }],
  };
}

export function addWindowRow(rows: WeeklyRow[]): WeeklyRow[] {
  const key = rows.reduce((max, row) => Math.max(max, row.key + 1), 0);
  return [...rows, { key, ...DEFAULT_WINDOW }];
}

/** The form field of one window's input, as the API names it: `recurrence.weekly.0.start`. */
export function windowField(index: number, part: 'day' | 'start' | 'end'): string {
  return `recurrence.weekly.${index}.${part}`;
}
