import { OverviewQuerySchema } from '@ihm/contracts';
import { hrefWith, validParams, type SearchParams } from './url-params';

/** The overview's filters as they appear in the page's URL. */
export const FILTER_KEYS = ['q', 'tag', 'status', 'group', 'paused', 'cursor'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type OverviewParams = Partial<Record<FilterKey, string>>;

/** The filters of a URL that the API accepts. */
export function overviewParams(search: SearchParams): OverviewParams {
  return validParams(search, FILTER_KEYS, OverviewQuerySchema);
}

/** A link to the overview with some filters changed; any change of filter starts again at the first page. */
export function overviewHref(current: OverviewParams, changes: OverviewParams): string {
  return hrefWith('/', FILTER_KEYS, { ...current, cursor: undefined, ...changes });
}
