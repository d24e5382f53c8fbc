/**
 * The wait a `Retry-After` header asks for, in whole seconds from `now`: delay-seconds or an HTTP date
 * (RFC 9110 §10.2.3); a date already past is 0. Null when absent or unreadable.
 */
export function retryAfterSeconds(header: string | null, now: Date): number | null {
  const value = header?.trim() ?? '';
  if (/^\d+$/.test(value)) return Number(value);
  // Every HTTP date names its weekday and month; without a letter, Date.parse would read "1.5" as a date.
  if (!/[a-z]/i.test(value)) return null;
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
