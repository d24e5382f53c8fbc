const units: [string, number][] = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
];

/** "12 s ago", "in 3 d": the largest unit that fits, rounded down; the same text in Node and every browser. */
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

export function formatMs(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ms`;
}

/** "1 integration", "2,000 integrations": the count with the noun in the right number. */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : plural}`;
}
