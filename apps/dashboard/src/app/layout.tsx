import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { REVEAL_SCRIPT } from '../components/reveal-script';
import { THEME_SCRIPT } from '../components/theme-script';
import './globals.css';
import './forms.css';
import './alerting.css';

export const metadata: Metadata = {
  title: { default: 'Integration Health Monitor', template: '%s · Integration Health Monitor' },
  description: 'Which third-party integrations work, and why the others do not.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The theme script sets data-theme before the first paint, so the server's markup differs on purpose.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
        {/* Streamed content revealed as it arrives, not held behind its skeleton: see reveal-script.ts. */}
        <script dangerouslySetInnerHTML={{ __html: REVEAL_SCRIPT }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
