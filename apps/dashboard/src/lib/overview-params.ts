import { OverviewQuerySchema } from '@ihm/contracts';

/** The overview's filters as they appear in the page's URL. */
export const FILTER_KEYS = ['q', 'tag', 'status', 'group', 'paused', 'cursor'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type OverviewParams = Partial<Record<FilterKey, string>>;

/**
 * Keeps the filters of a URL that the API accepts, dropping the rest one by one: a hand-edited or stale link
 * still shows a page rather than an error.
 */
export function overviewParams(search: Record<string, string | string[] | undefined>): OverviewParams {
  const params: OverviewParams = {};
  for (const key of FILTER_KEYS) {
    const raw = search[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === '') continue;
    if (OverviewQuerySchema.safeParse({ [key]: value }).success) params[key] = value;
  }
  return params;
}

/** A link to the overview with some filters changed; any change of filter starts again at the first page. */
export function overviewHref(current: OverviewParams, changes: OverviewParams): string {
  const next: OverviewParams = { ...current, cursor: undefined, ...changes };
  const search = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = next[key];
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `/?${text}` : '/';
}
