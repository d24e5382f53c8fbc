/** Request header through which the proxy hands the page's nonce to rendering (read with `headers()`). */
export const NONCE_HEADER = 'x-nonce';

export interface PolicyOptions {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with `eval`; Next's overlay and hot reload add style elements. */
  development: boolean;
  /** Served over HTTPS (directly or behind a proxy that says so in X-Forwarded-Proto). */
  https: boolean;
}

/** 128 random bits, base64: unguessable and fresh for every request. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * Scripts run only with this response's nonce (Next and React put it on theirs; the chunks they load are
 * trusted through 'strict-dynamic'). Style elements need the nonce too; style attributes stay allowed
 * because server-rendered markup carries them (skeleton widths, chart heights) and a blocked one is not
 * restored by hydration. Browsers without `style-src-elem` fall back to `style-src`.
 */
export function contentSecurityPolicy({ nonce, development, https }: PolicyOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    `style-src-elem 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  // Over plain HTTP (a local run) upgrading would point every subresource at a port that does not speak TLS.
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}
