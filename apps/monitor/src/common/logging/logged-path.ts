/** The monitor's own tokens: API (`ihm_…`), session (`ihms_…`) and invitation (`ihmi_…`). */
const TOKEN_SHAPED = /^ihm[a-z]?_/;

/**
 * The path of a request as a log line may show it: never the query string (a query can carry credentials), and no
 * segment shaped like one of the monitor's tokens (an invitation link carries its token in the path).
 */
export function loggedPath(originalUrl: string): string {
  const path = originalUrl.split('?', 1)[0] ?? '';
  return path
    .split('/')
    .map((segment) => (TOKEN_SHAPED.test(segment) ? '[REDACTED]' : segment))
    .join('/');
}
