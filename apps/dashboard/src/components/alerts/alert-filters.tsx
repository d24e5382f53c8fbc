'use client';

import { ALERT_STATES } from '@ihm/contracts';
import { CATEGORIES, CATEGORY_LABELS } from '@ihm/diagnosis';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { alertsHref, type AlertParams } from '../../lib/alert-params';

/** State and category filters, kept in the URL like the overview's. */
export function AlertFilters({ params }: { params: AlertParams }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (changes: AlertParams) =>
    startTransition(() => router.replace(alertsHref(params, changes), { scroll: false }));

  return (
    <div className="filters" role="search" aria-label="Filter alerts" aria-busy={pending}>
      <label>
        State
        <select value={params.state ?? ''} onChange={(e) => go({ state: e.target.value || undefined })}>
          <option value="">Any state</option>
          {ALERT_STATES.map((state) => (
            <option key={state} value={state}>
              {state}
            </option>
          ))}
        </select>
      </label>
      <label>
        Category
        <select value={params.category ?? ''} onChange={(e) => go({ category: e.target.value || undefined })}>
          <option value="">Any category</option>
          {CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_LABELS[category]}
            </option>
          ))}
        </select>
      </label>
      {params.state || params.category ? (
        <button
          type="button"
          className="button ghost"
          onClick={() => startTransition(() => router.replace('/alerts', { scroll: false }))}
        >
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
