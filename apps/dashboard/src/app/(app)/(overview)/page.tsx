import Link from 'next/link';
import { Suspense } from 'react';
import { FiringAlertsLink, FiringAlertsLinkSkeleton } from '../../../components/alerts/firing-alerts-link';
import { AutoRefresh } from '../../../components/auto-refresh';
import { MonitorDownPage } from '../../../components/monitor-down-page';
import { CategoryTiles } from '../../../components/overview/category-tiles';
import { FilterBar } from '../../../components/overview/filter-bar';
import { IntegrationGroups } from '../../../components/overview/integration-groups';
import { PageHead } from '../../../components/page-head';
import { MonitorRequestError, MonitorUnavailableError, monitorApi } from '../../../lib/monitor-api';
import { overviewHref, overviewParams } from '../../../lib/overview-params';
import { canEdit } from '../../../lib/can-edit';
import { formatCount, formatNumber } from '../../../lib/format';

export const dynamic = 'force-dynamic';

const PAGE_SIZE = 100;
const REFRESH_MS = 5000;

export default async function OverviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  let params = overviewParams(await searchParams);
  let overview;
  try {
    overview = await monitorApi.overview({ ...params, limit: PAGE_SIZE });
  } catch (error) {
    if (error instanceof MonitorUnavailableError) {
      return <MonitorDownPage title="Overview" message={error.message} refreshMs={REFRESH_MS} />;
    }
    // A cursor cut short or from another version: the first page of the same filters, not an error page.
    if (!(error instanceof MonitorRequestError && error.status === 400 && params.cursor)) throw error;
    params = { ...params, cursor: undefined };
    overview = await monitorApi.overview({ ...params, limit: PAGE_SIZE });
  }

  const { counts, matched } = overview;
  const editor = await canEdit();
  const head = (
    <PageHead
      title="Overview"
      actions={
        <>
          <AutoRefresh everyMs={REFRESH_MS} />
          {editor ? (
            <Link href="/integrations/new" className="button primary">
              Register integration
            </Link>
          ) : null}
        </>
      }
    >
      <span className="muted">
        {formatCount(counts.total, 'integration')} · {formatNumber(counts.byStatus.down ?? 0)} down ·{' '}
        {formatNumber(counts.byStatus.degraded ?? 0)} degraded ·{' '}
        <Suspense fallback={<FiringAlertsLinkSkeleton />}>
          <FiringAlertsLink />
        </Suspense>
      </span>
    </PageHead>
  );

  if (counts.total === 0) {
    return (
      <>
        {head}
        <div className="empty">
          <h2>No integrations yet</h2>
          <p className="muted">
            Register the first API you depend on: its URL, its credentials and the response you expect. The
            monitor probes it on a schedule and tells you what is wrong when it fails.
          </p>
          {editor ? (
            <Link href="/integrations/new" className="button primary">
              Register an integration
            </Link>
          ) : null}
        </div>
      </>
    );
  }

  return (
    <>
      {head}
      <CategoryTiles counts={counts} params={params} />
      <section aria-labelledby="integrations-heading">
        <h2 id="integrations-heading">
          Integrations{' '}
          <span className="muted">
            ({formatNumber(matched.total)} matching of {formatNumber(counts.total)})
          </span>
        </h2>
        <FilterBar params={params} tags={overview.tags} />
        {matched.total === 0 ? (
          <div className="empty">
            <p>No integration matches these filters.</p>
            <Link href="/" className="button">
              Clear filters
            </Link>
          </div>
        ) : (
          <IntegrationGroups items={overview.integrations} byGroup={matched.byGroup} now={Date.now()} />
        )}
        {params.cursor || overview.nextCursor ? (
          <nav className="pager" aria-label="Pages">
            {params.cursor ? (
              <Link href={overviewHref(params, {})} className="button">
                ← First page
              </Link>
            ) : (
              <span />
            )}
            {overview.nextCursor ? (
              <Link href={overviewHref(params, { cursor: overview.nextCursor })} className="button">
                Next page →
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>
    </>
  );
}
