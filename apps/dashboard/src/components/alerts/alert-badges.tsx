import type { Alert } from '@ihm/contracts';
import { CATEGORY_LABELS } from '@ihm/diagnosis';
import { StatusBadge } from '../status-badge';

/** Firing, pending or resolved, in the colour of what it means. */
export function AlertStateBadge({ state }: { state: Alert['state'] }) {
  return <span className={`alert-state ${state}`}>{state}</span>;
}

/** The guide's category and the severity the rule fired at, flapping and acknowledgement when they hold. */
export function AlertFacts({
  alert,
}: {
  alert: Pick<Alert, 'category' | 'severity' | 'flapping' | 'acknowledgedBy' | 'acknowledgedAt'>;
}) {
  return (
    <span className="alert-facts">
      <span className="chip">{CATEGORY_LABELS[alert.category]}</span>
      <StatusBadge status={alert.severity} />
      {alert.flapping ? <span className="chip flag flapping">flapping</span> : null}
      {alert.acknowledgedAt ? (
        <span
          className="chip flag acknowledged"
          title={`Acknowledged by ${alert.acknowledgedBy ?? 'someone'}`}
        >
          acknowledged
        </span>
      ) : null}
    </span>
  );
}
