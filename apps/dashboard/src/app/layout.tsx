import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Integration Health Monitor',
  description: 'Which third-party integrations work, and why the others do not.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="top">
          <h1>Integration Health Monitor</h1>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
