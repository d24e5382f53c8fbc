import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AlertFilters } from '../../../components/alerts/alert-filters';
import { AlertListSkeleton } from '../../../components/alerts/alert-skeletons';
import { AlertingNav } from '../../../components/alerts/alerting-nav';
import { AlertsSection } from '../../../components/alerts/alerts-section';
import { AutoRefresh } from '../../../components/auto-refresh';
import { PageHead } from '../../../components/page-head';
import { alertParams } from '../../../lib/alert-params';
import type { SearchParams } from '../../../lib/url-params';
import { acknowledgeAlert } from '../../alerts/actions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Alerts' };

const REFRESH_MS = 5000;

/** Firing alerts first, then pending ones, then the recently resolved; filters in the URL. */
export default async function AlertsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = alertParams(await searchParams);
  return (
    <>
      <PageHead title="Alerts" actions={<AutoRefresh everyMs={REFRESH_MS} />}>
        <p className="muted">
          What the rules found, firing first. Acknowledge an alert to stop its reminders.
        </p>
      </PageHead>
      <AlertingNav current="/alerts" />
      <AlertFilters params={params} />
      {/* Keyed by the filters, so another filter shows the skeleton at once instead of the old list. */}
      <Suspense key={`${params.state}:${params.category}`} fallback={<AlertListSkeleton />}>
        <AlertsSection params={params} acknowledgeAction={acknowledgeAlert} />
      </Suspense>
    </>
  );
}
