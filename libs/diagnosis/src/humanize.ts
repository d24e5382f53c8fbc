/** `30 s`, `9 min`, `2 h`, `3 d`: rounded to the unit a person would use. */
export function formatDuration(seconds: number): string {
  const s = Math.abs(seconds);
  if (s < 90) return `${Math.round(s)} s`;
  if (s < 90 * 60) return `${Math.round(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86400)} d`;
}

/** `5,000`. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** `2026-11-25 10:42 UTC`. */
export function formatInstant(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatMs(ms: number): string {
  return `${formatCount(Math.round(ms))} ms`;
}

/** Quote a piece of evidence, cut to a readable length. */
export function quote(text: string, max = 160): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
