import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AcknowledgeButton } from '../../../../components/alerts/acknowledge-button';
import { AlertFacts, AlertStateBadge } from '../../../../components/alerts/alert-badges';
import { AlertDiagnosisPanel, AlertFactsPanel } from '../../../../components/alerts/alert-panels';
import { DeliveryTimeline } from '../../../../components/alerts/delivery-timeline';
import { TimeAgo } from '../../../../components/alerts/time-ago';
import { TimelineSkeleton } from '../../../../components/alerts/timeline-skeleton';
import { AutoRefresh } from '../../../../components/auto-refresh';
import { MonitorDownPage } from '../../../../components/monitor-down-page';
import { PageHead } from '../../../../components/page-head';
import { alertSince, canAcknowledge, sinceVerb } from '../../../../lib/alert-groups';
import { readAlert, readChannels } from '../../../../lib/alerting-reads';
import { MonitorUnavailableError } from '../../../../lib/monitor-api';
import { acknowledgeAlert } from '../../../alerts/actions';
import { canEdit } from '../../../../lib/can-edit';

export const dynamic = 'force-dynamic';

const REFRESH_MS = 10_000;

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { id } = await params;
  const alert = await readAlert(id).catch(() => null);
  return { title: alert ? `Alert: ${alert.integrationName}` : 'Alert' };
}

/** One alert: its diagnosis and facts with the head, its notifications streamed behind a skeleton. */
export default async function AlertPage({ params }: { params: Params }) {
  const { id } = await params;
  readChannels().catch(() => undefined);
  let alert;
  try {
    alert = await readAlert(id);
  } catch (error) {
    if (!(error instanceof MonitorUnavailableError)) throw error;
    return <MonitorDownPage title="Alert" message={error.message} refreshMs={REFRESH_MS} />;
  }
  return (
    <>
      <PageHead
        title={alert.integrationName}
        back={{ href: '/alerts', label: 'Alerts' }}
        actions={
          <>
            <AutoRefresh everyMs={REFRESH_MS} />
            {canAcknowledge(alert) && (await canEdit()) ? (
              <AcknowledgeButton
                alertId={alert.id}
                subject={alert.integrationName}
                acknowledgeAction={acknowledgeAlert}
              />
            ) : null}
          </>
        }
      >
        <div className="row">
          <AlertStateBadge state={alert.state} />
          <AlertFacts alert={alert} />
          <span className="muted">
            {sinceVerb(alert.state)} <TimeAgo iso={alertSince(alert)} now={Date.now()} />
          </span>
        </div>
      </PageHead>
      <div className="detail-grid">
        <AlertDiagnosisPanel alert={alert} />
        <AlertFactsPanel alert={alert} />
      </div>
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Notifications and delivery attempts</h2>
        <Suspense fallback={<TimelineSkeleton />}>
          <DeliveryTimeline id={id} />
        </Suspense>
      </section>
    </>
  );
}
