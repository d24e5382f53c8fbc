/** What Date.prototype.toJSON writes: the only strings turned back into dates. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * Plain data that held dates, read back from JSON (alert states, stored notifications): every string in the exact
 * form `toJSON` gives a date becomes a Date again. Messages and names never take that form alone.
 */
export function reviveDates<T>(value: unknown): T {
  if (typeof value === 'string') return (ISO_INSTANT.test(value) ? new Date(value) : value) as T;
  if (Array.isArray(value)) return value.map((item) => reviveDates(item)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, reviveDates(item)])) as T;
  return value as T;
}
