import { formatDuration } from '../../humanize';

/**
 * The minimum probe interval is 10 s, so this many samples hold a whole window of up to 2 h 46 min; a longer
 * window reads its newest samples, which keeps the stored alert state small.
 */
export const MAX_WINDOW_SAMPLES = 1_000;

/** The samples taken in the last `minutes` before `now` (a sample exactly that old is out), newest last. */
export function withinWindow<T extends { at: Date }>(samples: readonly T[], now: Date, minutes: number): T[] {
  const from = now.getTime() - minutes * 60_000;
  return samples.filter((sample) => sample.at.getTime() > from).slice(-MAX_WINDOW_SAMPLES);
}

/** `15 min`, `2 h`. */
export function formatWindow(minutes: number): string {
  return formatDuration(minutes * 60);
}
