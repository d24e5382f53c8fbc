import Link from 'next/link';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  /** Why there is nothing, and what to do about it. */
  children: ReactNode;
  /** The way to the first one; none for a viewer, who may not make one. */
  action?: { href: string; label: string; primary?: boolean } | undefined;
}

/** In place of a list that has nothing yet: what it would hold and the link to begin. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="empty">
      <h2>{title}</h2>
      <p className="muted">{children}</p>
      {action ? (
        <Link href={action.href} className={action.primary ? 'button primary' : 'button'}>
          {action.label}
        </Link>
      ) : null}
    </div>
  );
}
