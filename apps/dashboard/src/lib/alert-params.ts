import { AlertListQuerySchema } from '@ihm/contracts';
import { hrefWith, validParams, type SearchParams } from './url-params';

/** The Alerts page's filters as they appear in its URL, named as the API's query. */
export const ALERT_FILTER_KEYS = ['state', 'category'] as const;
export type AlertParams = Partial<Record<(typeof ALERT_FILTER_KEYS)[number], string>>;

export function alertParams(search: SearchParams): AlertParams {
  return validParams(search, ALERT_FILTER_KEYS, AlertListQuerySchema);
}

export function alertsHref(current: AlertParams, changes: AlertParams): string {
  return hrefWith('/alerts', ALERT_FILTER_KEYS, { ...current, ...changes });
}
