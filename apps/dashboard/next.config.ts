import type { NextConfig } from 'next';
import { join } from 'node:path';

const config: NextConfig = {
  // The workspace root, so that Next traces the shared libraries of the monorepo.
  outputFileTracingRoot: join(__dirname, '..', '..'),
  poweredByHeader: false,
  reactStrictMode: true,
};

export default config;
