import { EMPTY_SCOPE, type ScopeForm } from '../scope/scope-form';

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
    windows: [{ key: 0, day: '6', start: '22:00', end: '02:00' }],
  };
}

export function addWindowRow(rows: WeeklyRow[]): WeeklyRow[] {
  const key = rows.reduce((max, row) => Math.max(max, row.key + 1), 0);
  return [...rows, { key, day: '6', start: '22:00', end: '02:00' }];
}

/** The form field of one window's input, as the API names it: `recurrence.weekly.0.start`. */
export function windowField(index: number, part: 'day' | 'start' | 'end'): string {
  return `recurrence.weekly.${index}.${part}`;
}
