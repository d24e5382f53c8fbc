import Link from 'next/link';
import { monitorApi } from '../../lib/monitor-api';
import { sectionRead } from '../../lib/section-read';
import { SectionUnavailable } from '../section-unavailable';
import type { AcknowledgeAction } from './acknowledge-button';
import { AlertList } from './alert-list';
import { canEdit } from '../../lib/can-edit';

/** An integration's alerts on its page: its open ones and the last resolved, not its whole history. */
export const INTEGRATION_ALERTS = 10;

interface IntegrationAlertsProps {
  id: string;
  acknowledgeAction: AcknowledgeAction;
}

/** The integration page's alerts section, streamed: firing first, as on the Alerts page. */
export async function IntegrationAlerts({ id, acknowledgeAction }: IntegrationAlertsProps) {
  const read = await sectionRead(monitorApi.alerts({ integrationId: id, limit: INTEGRATION_ALERTS }));
  if (!read.ok) return <SectionUnavailable message={read.message} />;
  if (read.value.items.length === 0)
    return <p className="muted">No alerts: no rule has fired for this integration yet.</p>;
  return (
    <>
      <AlertList
        alerts={read.value.items}
        now={Date.now()}
        acknowledgeAction={(await canEdit()) ? acknowledgeAction : undefined}
        level={3}
      />
      <p>
        <Link href="/alerts">All alerts →</Link>
      </p>
    </>
  );
}
