import type { Overview } from '@ihm/contracts';
import { CATEGORIES, CATEGORY_LABELS } from '@ihm/diagnosis';
import Link from 'next/link';
import { formatNumber } from '../../lib/format';
import { overviewHref, type OverviewParams } from '../../lib/overview-params';
import { StatusBadge } from '../status-badge';

interface CategoryTilesProps {
  counts: Overview['counts'];
  params: OverviewParams;
}

/** Counts over every integration; each tile filters the list to its status or category (again: clears it). */
export function CategoryTiles({ counts, params }: CategoryTilesProps) {
  return (
    <>
      <section aria-labelledby="status-heading">
        <h2 id="status-heading">Status</h2>
        <div className="tiles">
          {(['down', 'degraded', 'up', 'pending'] as const).map((status) => {
            const selected = params.status === status;
            return (
              <Link
                key={status}
                href={overviewHref(params, { status: selected ? undefined : status })}
                className={selected ? 'tile selected' : 'tile'}
                aria-current={selected ? 'true' : undefined}
              >
                <div className="count">{formatNumber(counts.byStatus[status] ?? 0)}</div>
                <div className="label">
                  <StatusBadge status={status} />
                </div>
              </Link>
            );
          })}
        </div>
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Failing by category</h2>
        <div className="tiles">
          {CATEGORIES.map((category) => {
            const count = counts.byCategory[category] ?? 0;
            const selected = params.group === category;
            return (
              <Link
                key={category}
                href={overviewHref(params, { group: selected ? undefined : category })}
                className={['tile', count > 0 ? 'alert' : '', selected ? 'selected' : ''].join(' ').trim()}
                aria-current={selected ? 'true' : undefined}
                aria-label={`${CATEGORY_LABELS[category]}: ${formatNumber(count)} failing`}
              >
                <div className="count">{formatNumber(count)}</div>
                <div className="label">{CATEGORY_LABELS[category]}</div>
              </Link>
            );
          })}
        </div>
      </section>
    </>
  );
}
