import { CATEGORIES, CATEGORY_LABELS } from '@ihm/diagnosis';
import Link from 'next/link';
import { PageHead } from '../page-head';
import { LoadingText, SkeletonBlock, SkeletonText } from '../skeleton';
import { StatusBadge } from '../status-badge';

/** The filters: search, status, category, tag and schedule. */
const FILTERS = 5;
/** Rows of the placeholder list: what a first screen of integrations usually holds. */
const ROWS = 6;

/** The overview while its one read loads: the tiles with their labels, the filters and a group of rows. */
export function OverviewSkeleton() {
  return (
    <div aria-busy="true">
      <PageHead
        title="Overview"
        actions={
          <>
            <SkeletonText width="11em" />
            <Link href="/integrations/new" className="button primary">
              Register integration
            </Link>
          </>
        }
      >
        <span className="muted">
          <SkeletonText width="16em" />
          <LoadingText>Loading the integrations…</LoadingText>
        </span>
      </PageHead>
      <div aria-hidden="true">
        <h2>Status</h2>
        <div className="tiles">
          {(['down', 'degraded', 'up', 'pending'] as const).map((status) => (
            <div key={status} className="tile">
              <div className="count">
                <SkeletonText width="1.5em" />
              </div>
              <div className="label">
                <StatusBadge status={status} />
              </div>
            </div>
          ))}
        </div>
        <h2>Failing by category</h2>
        <div className="tiles">
          {CATEGORIES.map((category) => (
            <div key={category} className="tile">
              <div className="count">
                <SkeletonText width="1.5em" />
              </div>
              <div className="label">{CATEGORY_LABELS[category]}</div>
            </div>
          ))}
        </div>
        <h2>
          Integrations <SkeletonText width="9em" />
        </h2>
        <div className="filters">
          {Array.from({ length: FILTERS }, (_, filter) => (
            <SkeletonBlock key={filter} className="filter-skeleton" />
          ))}
        </div>
        <div className="group">
          <h3>
            <SkeletonText width="10em" />
          </h3>
          <ul>
            {Array.from({ length: ROWS }, (_, row) => (
              <li key={row}>
                <SkeletonText width="5em" />
                <span className="item-text">
                  <SkeletonText width="12em" />
                  <br />
                  <SkeletonText width="70%" />
                </span>
                <SkeletonBlock className="sparkline" />
                <span className="when">
                  <SkeletonText width="4em" />
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
