import 'server-only';
import type { ProbeResult, TrendWindow } from '@ihm/contracts';
import { cache } from 'react';
import { loadOrNotFound } from './load-or-not-found';
import { monitorApi } from './monitor-api';

// The reads of an integration's pages, each made once per request (React's cache) however many sections,
// the title and the head ask for it. Arguments are compared by identity: pass every one, `undefined` included.

/** Results in one page of the detail page's table. */
export const RESULTS_PAGE = 20;

/** The integration; the monitor's 404 (or a malformed id) is the page's 404. */
export const readIntegration = cache((id: string) => loadOrNotFound(monitorApi.integration(id)));

/** One page of results, newest first: the newest page, or the one a cursor (`before`) points at. */
export const readResultsPage = cache((id: string, before: string | undefined) =>
  monitorApi.results(id, RESULTS_PAGE, before),
);

/** The newest result: the newest page's first, read on its own only when the table shows an older page. */
export const readLatestResult = cache(
  async (id: string, before: string | undefined): Promise<ProbeResult | null> => {
    const page = await (before ? monitorApi.results(id, 1) : readResultsPage(id, undefined));
    return page.items[0] ?? null;
  },
);

export const readTrend = cache((id: string, window: TrendWindow) => monitorApi.trend(id, window));

/**
 * Starts the detail page's section reads together with the integration's, not after it. Each section awaits
 * its own read and shows its failure; this start only keeps an early failure from counting as unhandled.
 */
export function preloadIntegrationPage(id: string, window: TrendWindow, before: string | undefined): void {
  for (const read of [readResultsPage(id, before), readLatestResult(id, before), readTrend(id, window)]) {
    read.catch(() => undefined);
  }
}
