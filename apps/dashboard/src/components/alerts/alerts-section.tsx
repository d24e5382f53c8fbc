import Link from 'next/link';
import type { AlertParams } from '../../lib/alert-params';
import { monitorApi } from '../../lib/monitor-api';
import { sectionRead } from '../../lib/section-read';
import { EmptyState } from '../empty-state';
import { SectionUnavailable } from '../section-unavailable';
import type { AcknowledgeAction } from './acknowledge-button';
import { AlertList } from './alert-list';
import { canEdit } from '../../lib/can-edit';

/** Alerts on the page: the firing ones come first from the API, so a full page never hides one. */
export const ALERTS_PAGE = 200;

interface AlertsSectionProps {
  params: AlertParams;
  acknowledgeAction: AcknowledgeAction;
}

/** The Alerts page's list, streamed behind its skeleton; what to do next when there is none. */
export async function AlertsSection({ params, acknowledgeAction }: AlertsSectionProps) {
  const read = await sectionRead(monitorApi.alerts({ ...params, limit: ALERTS_PAGE }));
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  const alerts = read.value.items;
  if (alerts.length > 0)
    return (
      <AlertList
        alerts={alerts}
        now={Date.now()}
        acknowledgeAction={(await canEdit()) ? acknowledgeAction : undefined}
        level={2}
      />
    );
  if (params.state || params.category) {
    return (
      <div className="empty">
        <p>No alert matches these filters.</p>
        <Link href="/alerts" className="button">
          Clear filters
        </Link>
      </div>
    );
  }
  return (
    <EmptyState title="No alerts" action={{ href: '/alerts/channels', label: 'Set up a channel' }}>
      Nothing has fired. Alerts appear here when an integration meets a rule: by default, three failed probes
      in a row. Add a channel to hear about them.
    </EmptyState>
  );
}
