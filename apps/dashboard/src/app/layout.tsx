import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { REVEAL_SCRIPT } from '../components/reveal-script';
import { THEME_SCRIPT } from '../components/theme-script';
import { NONCE_HEADER } from '../lib/content-security-policy';
import './globals.css';
import './forms.css';
import './alerting.css';
import './webhooks.css';
import './api-reference.css';

export const metadata: Metadata = {
  title: { default: 'Integration Health Monitor', template: '%s · Integration Health Monitor' },
  description: 'Which third-party integrations work, and why the others do not.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's nonce for this response: the Content-Security-Policy runs no inline script without it.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // The theme script sets data-theme before the first paint, so the server's markup differs on purpose.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {/* Streamed content revealed as it arrives, not held behind its skeleton: see reveal-script.ts. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: REVEAL_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
