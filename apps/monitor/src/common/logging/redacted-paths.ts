/** Keys whose values never reach a log line: credentials, and the headers and cookies that carry them. */
const SECRET_KEYS = [
  'headers',
  'authorization',
  'cookie',
  'password',
  'token',
  'secret',
  'apiKey',
  'clientSecret',
  'accessToken',
  'refreshToken',
];

/**
 * pino's `redact` paths for those keys at the top of a line and two levels down (`err.config.password`): a second
 * line of defence, since the monitor logs no headers, cookies, bodies or queries in the first place.
 */
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);
