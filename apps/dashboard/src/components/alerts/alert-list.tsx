import type { Alert } from '@ihm/contracts';
import Link from 'next/link';
import { alertSince, canAcknowledge, groupAlerts, sinceVerb } from '../../lib/alert-groups';
import { formatNumber } from '../../lib/format';
import { AcknowledgeButton, type AcknowledgeAction } from './acknowledge-button';
import { AlertFacts, AlertStateBadge } from './alert-badges';
import { TimeAgo } from './time-ago';

interface AlertListProps {
  alerts: readonly Alert[];
  now: number;
  /** Absent for a viewer: no Acknowledge button. */
  acknowledgeAction?: AcknowledgeAction | undefined;
  /** Heading level of the sections: under the page's h1 (2) or under a section of its own (3). */
  level: 2 | 3;
}

function AlertRow({
  alert,
  now,
  acknowledgeAction,
}: Omit<AlertListProps, 'alerts' | 'level'> & { alert: Alert }) {
  return (
    <li className="alert-row">
      <AlertStateBadge state={alert.state} />
      <span className="alert-text">
        <Link href={`/integrations/${encodeURIComponent(alert.integrationId)}`} className="name">
          {alert.integrationName}
        </Link>{' '}
        <AlertFacts alert={alert} />
        <Link href={`/alerts/${encodeURIComponent(alert.id)}`} className="message">
          {alert.message}
        </Link>
        <span className="muted rule-name">Rule: {alert.ruleName}</span>
      </span>
      <span className="when">
        {sinceVerb(alert.state)} <TimeAgo iso={alertSince(alert)} now={now} />
      </span>
      <span className="alert-action">
        {acknowledgeAction && canAcknowledge(alert) ? (
          <AcknowledgeButton
            alertId={alert.id}
            subject={alert.integrationName}
            acknowledgeAction={acknowledgeAction}
          />
        ) : null}
      </span>
    </li>
  );
}

/** Alerts in sections by state (firing, pending, recently resolved), each row linking to its detail. */
export function AlertList({ alerts, now, acknowledgeAction, level }: AlertListProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return groupAlerts(alerts).map((group) => {
    const headingId = `alerts-${group.state}`;
    return (
      <section key={group.state} className="group alert-group" aria-labelledby={headingId}>
        <Heading id={headingId}>
          {group.label} <span className="muted">{formatNumber(group.items.length)}</span>
        </Heading>
        <ul>
          {group.items.map((alert) => (
            <AlertRow key={alert.id} alert={alert} now={now} acknowledgeAction={acknowledgeAction} />
          ))}
        </ul>
      </section>
    );
  });
}
