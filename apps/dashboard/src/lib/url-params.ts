import type { z } from 'zod';

export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * Keeps the parameters of a URL that the API's query schema accepts, dropping the rest one by one: a
 * hand-edited or stale link still shows a page rather than an error.
 */
export function validParams<K extends string>(
  search: SearchParams,
  keys: readonly K[],
  schema: z.ZodType,
): Partial<Record<K, string>> {
  const params: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const raw = search[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value.trim() === '') continue;
    if (schema.safeParse({ [key]: value }).success) params[key] = value;
  }
  return params;
}

/** A page's link with these parameters, in the order of `keys`; empty ones left out. */
export function hrefWith<K extends string>(
  path: string,
  keys: readonly K[],
  params: Partial<Record<K, string>>,
): string {
  const search = new URLSearchParams();
  for (const key of keys) {
    const value = params[key];
    if (value) search.set(key, value);
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
