// The dashboard's one set of number and time formats: the same text on the server, in every browser and in
// tests (fixed locales, never the visitor's), with thousands separators wherever a number can grow.

const units: [string, number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const number = new Intl.NumberFormat('en-US');

/** "12 s ago", "in 3 d": the largest unit that fits, rounded down. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? ['s', 1];
  const amount = `${Math.trunc(Math.abs(seconds) / size)} ${unit}`;
  return seconds < 0 ? `${amount} ago` : seconds === 0 ? 'now' : `in ${amount}`;
}

/** An instant for people in a monitoring tool: unambiguous, 24-hour, with the UTC offset's zone name. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZoneName: 'short',
  });
}

/**
 * A measured duration: "0.8 ms" and "3.1 ms" (DNS from cache, loopback), "120 ms", then seconds from one
 * second up ("1.2 s", "12.3 s"); "—" when nothing was measured.
 */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (Math.round(ms) >= 1000) return `${oneDecimal.format(ms / 1000)} s`;
  return `${(ms < 10 ? oneDecimal : whole).format(ms)} ms`;
}

/** A whole number of seconds, as configured or as an API sent it (Retry-After): "30 s", "3,600 s". */
export function formatSeconds(seconds: number): string {
  return `${number.format(seconds)} s`;
}

/** "5,000": a count or a budget, with thousands separators. */
export function formatNumber(value: number): string {
  return number.format(value);
}

/** "1 integration", "2,000 integrations": the count with the noun in the right number. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${number.format(count)} ${count === 1 ? singular : plural}`;
}

/**
 * A share (0 to 1) as a percentage with one decimal, rounded down: one failure in 3,000 probes reads
 * "99.9 %", never "100 %".
 */
export function formatPercent(share: number): string {
  return `${oneDecimal.format(Math.floor(share * 1000) / 10)} %`;
}
