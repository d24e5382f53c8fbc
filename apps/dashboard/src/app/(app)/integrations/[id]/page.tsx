import { TrendWindowSchema } from '@ihm/contracts';
import type { Metadata } from 'next';
import { Suspense } from 'react';
import { IntegrationAlertsSkeleton } from '../../../../components/alerts/alert-skeletons';
import { IntegrationAlerts } from '../../../../components/alerts/integration-alerts';
import { AutoRefresh } from '../../../../components/auto-refresh';
import { ConfigurationPanel } from '../../../../components/detail/configuration-panel';
import {
  DiagnosisPanelSkeleton,
  LatestStatusSkeleton,
  RecentResultsSkeleton,
  TrendChartsSkeleton,
} from '../../../../components/detail/detail-skeletons';
import { DeliveryRate } from '../../../../components/detail/delivery-rate';
import { DiagnosisPanel } from '../../../../components/detail/diagnosis-panel';
import { LatestStatus } from '../../../../components/detail/latest-status';
import { ProviderInstructions } from '../../../../components/detail/provider-instructions';
import { RecentResults } from '../../../../components/detail/recent-results';
import { TrendCharts } from '../../../../components/detail/trend-charts';
import { TrendWindowTabs } from '../../../../components/detail/trend-window-tabs';
import { IntegrationActions } from '../../../../components/integration-actions';
import { ManagedByFileNote } from '../../../../components/managed-by-file';
import { ResponseShapeLinks } from '../../../../components/shape/response-shape-links';
import { MonitorDownPage } from '../../../../components/monitor-down-page';
import { PageHead } from '../../../../components/page-head';
import { preloadIntegrationPage, readIntegration } from '../../../../lib/integration-reads';
import { MonitorUnavailableError } from '../../../../lib/monitor-api';
import { acknowledgeAlert } from '../../../alerts/actions';
import { deleteIntegration, probeNow, setPaused } from '../../../integrations/actions';
import { canEdit } from '../../../../lib/can-edit';

export const dynamic = 'force-dynamic';

const REFRESH_MS = 10_000;

type Params = Promise<{ id: string }>;
type Search = Promise<{ window?: string; before?: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const integration = await readIntegration(id).catch(() => null);
  return { title: integration?.name ?? 'Integration' };
}

/**
 * The head and the configuration as soon as the integration is read; the diagnosis, the trend charts and the
 * results stream in behind skeletons of their size, each as its own read answers. An unknown id is the
 * not-found page and a monitor that does not answer is the monitor-down page, as before anything streamed.
 */
export default async function IntegrationPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: Search;
}) {
  const { id } = await params;
  const { window: windowParam, before } = await searchParams;
  const window = TrendWindowSchema.catch('24h').parse(windowParam);
  preloadIntegrationPage(id, window, before);
  let integration;
  try {
    integration = await readIntegration(id);
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Integration" message={error.message} refreshMs={REFRESH_MS} />;
  }
  const editor = await canEdit();
  // A webhook's results are deliveries: its page adds where to send them and swaps the probe charts for its rate.
  const webhook = integration.kind === 'webhook';

  return (
    <>
      <PageHead
        title={integration.name}
        back={{ href: '/', label: 'Overview' }}
        actions={
          <>
            <AutoRefresh everyMs={REFRESH_MS} />
            {editor ? (
              <IntegrationActions
                integration={integration}
                canProbe={!webhook}
                setPausedAction={setPaused}
                probeNowAction={probeNow}
                deleteAction={deleteIntegration}
              />
            ) : null}
          </>
        }
      >
        <Suspense fallback={<LatestStatusSkeleton />}>
          <LatestStatus id={id} before={before} />
        </Suspense>
        {integration.managedBy ? <ManagedByFileNote file={integration.managedBy} /> : null}
        {integration.kind === 'http' ? (
          <ResponseShapeLinks
            integrationId={integration.id}
            hasSchema={integration.responseSchema !== null}
            canInfer={editor && !integration.managedBy}
          />
        ) : null}
      </PageHead>

      <div className="detail-grid">
        <Suspense fallback={<DiagnosisPanelSkeleton />}>
          <DiagnosisPanel id={id} before={before} />
        </Suspense>
        <ConfigurationPanel integration={integration} />
      </div>
      {integration.kind === 'webhook' ? <ProviderInstructions integration={integration} /> : null}

      <section aria-labelledby="integration-alerts-heading">
        <h2 id="integration-alerts-heading">Alerts</h2>
        <Suspense fallback={<IntegrationAlertsSkeleton />}>
          <IntegrationAlerts id={id} acknowledgeAction={acknowledgeAlert} />
        </Suspense>
      </section>

      <div className="row trends-head">
        <h2>Trends</h2>
        <TrendWindowTabs id={id} window={window} />
      </div>
      {/* Keyed by what it shows, so another window shows the skeleton at once instead of the old charts. */}
      <Suspense key={window} fallback={<TrendChartsSkeleton />}>
        {webhook ? (
          <DeliveryRate id={id} window={window} />
        ) : (
          <TrendCharts id={id} window={window} before={before} />
        )}
      </Suspense>

      <section aria-labelledby="results-heading">
        <h2 id="results-heading">{webhook ? 'Last deliveries' : 'Recent results'}</h2>
        <Suspense key={before ?? 'newest'} fallback={<RecentResultsSkeleton />}>
          <RecentResults id={id} window={window} before={before} deliveries={webhook} />
        </Suspense>
      </section>
    </>
  );
}
