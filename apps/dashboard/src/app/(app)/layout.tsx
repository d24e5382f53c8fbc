import type { ReactNode } from 'react';
import { AppHeader } from '../../components/app-header';

/** Every signed-in page: the header, then the page. */
export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a href="#content" className="skip-link">
        Skip to content
      </a>
      <AppHeader />
      <main id="content">{children}</main>
    </>
  );
}
