'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState, useTransition } from 'react';

/**
 * Re-renders the page's server components every few seconds while the tab is visible, so the page stays live
 * without a reload and without losing scroll position or form input.
 */
export function AutoRefresh({ everyMs, retrying = false }: { everyMs: number; retrying?: boolean }) {
  const [label, at] = retrying ? ['Retrying', 'last try'] : ['Live', 'updated'];
  const router = useRouter();
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [pending, startTransition] = useTransition();

  useEffect(() => {
    setUpdatedAt(new Date());
    const timer = setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      startTransition(() => router.refresh());
      setUpdatedAt(new Date());
    }, everyMs);
    return () => clearInterval(timer);
  }, [everyMs, router]);

  return (
    <span className="muted refresh-state" aria-live="off">
      {pending
        ? 'Refreshing…'
        : updatedAt
          ? `${label} · ${at} ${updatedAt.toLocaleTimeString('en-GB')}`
          : label}
    </span>
  );
}
