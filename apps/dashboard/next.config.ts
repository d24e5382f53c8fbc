import type { NextConfig } from 'next';
import { join } from 'node:path';

/**
 * On every response: no framing by other sites, no MIME sniffing, no referrer leaving the site, no plugins; HSTS,
 * which browsers honour only when the dashboard is served over HTTPS. The Content-Security-Policy carries a fresh
 * nonce on each page, so the proxy sets it (src/proxy.ts).
 */
const SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'Strict-Transport-Security', value: 'max-age=31536000' },
];

const config: NextConfig = {
  headers: async () => [{ source: '/:path*', headers: SECURITY_HEADERS }],
  // The workspace root, so that Next traces the shared libraries of the monorepo.
  outputFileTracingRoot: join(__dirname, '..', '..'),
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
