import { isDate } from 'node:util/types';

/** How a Date is written: tagged, so that no string a user typed (a name that looks like a date) is taken for one. */
interface TaggedDate {
  $date: string;
}

const isTaggedDate = (value: unknown): value is TaggedDate =>
  typeof value === 'object' &&
  value !== null &&
  Object.keys(value).length === 1 &&
  typeof (value as TaggedDate).$date === 'string';

/** JSON for a jsonb column, keeping which values were dates (alert states, stored notifications). */
export function toStoredJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, written: unknown) {
    const raw = this[key];
    // isDate, not instanceof: a Date may come from another realm (a probe thread's result, cloned).
    return isDate(raw) ? { $date: raw.toISOString() } : written;
  });
}

/** A jsonb value written by toStoredJson, with its dates back. */
export function fromStoredJson<T>(value: unknown): T {
  if (isTaggedDate(value)) return new Date(value.$date) as T;
  if (Array.isArray(value)) return value.map((item) => fromStoredJson(item)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, fromStoredJson(item)])) as T;
  return value as T;
}
