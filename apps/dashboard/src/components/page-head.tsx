import Link from 'next/link';
import type { ReactNode } from 'react';

export interface PageHeadProps {
  title: ReactNode;
  /** The page one level up, shown above the title. */
  back?: { href: string; label: string };
  /** Under the title: a status line or a sentence about the page. */
  children?: ReactNode;
  /** On the right: refresh state and buttons. */
  actions?: ReactNode;
}

/** The top of every signed-in page: where you came from, what this is, what you can do here. */
export function PageHead({ title, back, children, actions }: PageHeadProps) {
  return (
    <div className="page-head">
      <div>
        {back ? (
          <Link href={back.href} className="muted">
            ← {back.label}
          </Link>
        ) : null}
        <h1>{title}</h1>
        {children}
      </div>
      <span className="spacer" />
      {actions}
    </div>
  );
}
