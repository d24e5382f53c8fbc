const SITE = 'http://dashboard.invalid';

/**
 * Where to go after signing in: a path of this site only, so the sign-in link cannot send anyone elsewhere.
 * The value is resolved the way a browser would (which drops tabs and newlines and reads `\` as `/`), and only
 * the normalised path, query and fragment of a same-site result are kept.
 */
export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return '/';
  }
  return url.origin === SITE ? url.pathname + url.search + url.hash : '/';
}
