import type { Category } from '@ihm/diagnosis';
import type { ResultEntry } from './result-entry';

/** The counter every stored result moves. */
export const PROBES_COUNTER = 'probes';
/** The counter a failed (down) result moves, by its category. */
export const failuresCounter = (category: Category) => `failures:${category}`;

export interface CounterIncrement {
  integrationId: string;
  name: string;
  count: number;
}

/** How much a batch of results moves each integration's counters: every result a probe, every down one a failure. */
export function resultCounts(entries: readonly ResultEntry[]): CounterIncrement[] {
  const counts = new Map<string, CounterIncrement>();
  const add = (integrationId: string, name: string) => {
    const key = `${integrationId}|${name}`;
    const seen = counts.get(key);
    if (seen) seen.count += 1;
    else counts.set(key, { integrationId, name, count: 1 });
  };
  for (const { integrationId, result } of entries) {
    add(integrationId, PROBES_COUNTER);
    if (result.status === 'down' && result.category) add(integrationId, failuresCounter(result.category));
  }
  return [...counts.values()];
}
