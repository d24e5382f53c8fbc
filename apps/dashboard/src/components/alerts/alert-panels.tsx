import type { AlertDetail } from '@ihm/contracts';
import { CATEGORY_LABELS } from '@ihm/diagnosis';
import Link from 'next/link';
import { formatDateTime } from '../../lib/format';
import { StatusBadge } from '../status-badge';
import { AlertStateBadge } from './alert-badges';

const instant = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso)}</time> : '—');

/** What the alert is about and what the guide says to do about it. */
export function AlertDiagnosisPanel({ alert }: { alert: AlertDetail }) {
  return (
    <section className="panel" aria-labelledby="alert-diagnosis-heading">
      <h2 id="alert-diagnosis-heading">Diagnosis</h2>
      <p className="probe-message">{alert.message}</p>
      {alert.troubleshooting.length > 0 ? (
        <div className="probe-section">
          <h3>Troubleshooting steps</h3>
          <ol className="probe-steps">
            {alert.troubleshooting.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </div>
      ) : null}
      <p>
        <Link href={`/integrations/${encodeURIComponent(alert.integrationId)}`}>
          Open {alert.integrationName} →
        </Link>
      </p>
    </section>
  );
}

/** The alert's state and its instants: started, fired, acknowledged (by whom), resolved. */
export function AlertFactsPanel({ alert }: { alert: AlertDetail }) {
  return (
    <section className="panel" aria-labelledby="alert-facts-heading">
      <h2 id="alert-facts-heading">Alert</h2>
      <dl className="facts">
        <dt>State</dt>
        <dd>
          <AlertStateBadge state={alert.state} />
          {alert.flapping ? <span className="chip flag flapping">flapping</span> : null}
        </dd>
        <dt>Category</dt>
        <dd>{CATEGORY_LABELS[alert.category]}</dd>
        <dt>Severity</dt>
        <dd>
          <StatusBadge status={alert.severity} />
        </dd>
        <dt>Rule</dt>
        <dd>
          <Link href={`/alerts/rules/${encodeURIComponent(alert.ruleId)}/edit`}>{alert.ruleName}</Link>
        </dd>
        <dt>Started</dt>
        <dd>{instant(alert.startedAt)}</dd>
        <dt>Fired</dt>
        <dd>{instant(alert.firedAt)}</dd>
        <dt>Acknowledged</dt>
        <dd>
          {alert.acknowledgedAt ? (
            <>
              by {alert.acknowledgedBy ?? 'someone'}, {instant(alert.acknowledgedAt)}
            </>
          ) : (
            'no'
          )}
        </dd>
        <dt>Resolved</dt>
        <dd>{instant(alert.resolvedAt)}</dd>
      </dl>
    </section>
  );
}
