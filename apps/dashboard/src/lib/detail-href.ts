import type { TrendWindow } from '@ihm/contracts';

/** An integration's detail page for a trend window: its newest results, or the older page a cursor names. */
export function detailHref(id: string, window: TrendWindow, before?: string): string {
  const query = new URLSearchParams({ window });
  if (before) query.set('before', before);
  return `/integrations/${encodeURIComponent(id)}?${query.toString()}`;
}
