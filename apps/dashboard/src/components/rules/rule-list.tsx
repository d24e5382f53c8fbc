import type { AlertRule } from '@ihm/contracts';
import type { ActionResult } from '../../lib/action-result';
import { CardActions } from '../card-actions';
import { ManagedByFileBadge } from '../managed-by-file';
import { conditionSummary } from '../rule-form/condition-inputs';
import { scopeSummary } from '../scope/scope-summary';
import { StatusBadge } from '../status-badge';

interface RuleListProps {
  rules: readonly AlertRule[];
  channelName(id: string): string;
  integrationName(id: string): string;
  /** Absent for a viewer: no edit or delete. */
  deleteAction?: ((ruleId: string) => Promise<ActionResult<null>>) | undefined;
}

/** Each rule as a card: when it fires, what it watches, where it sends, how often it reminds. */
export function RuleList({ rules, channelName, integrationName, deleteAction }: RuleListProps) {
  return (
    <ul className="cards" aria-label="Alert rules">
      {rules.map((rule) => (
        <li key={rule.id} className="panel card">
          <div className="row">
            <h2 className="card-title">{rule.name}</h2>
            <StatusBadge status={rule.minSeverity} />
            {rule.managedBy ? <ManagedByFileBadge file={rule.managedBy} /> : null}
          </div>
          <dl className="facts">
            <dt>Fires on</dt>
            <dd>{conditionSummary(rule.condition)}</dd>
            <dt>Watches</dt>
            <dd>{scopeSummary(rule.scope, integrationName)}</dd>
            <dt>Sends to</dt>
            <dd>
              {rule.channelIds.length > 0 ? (
                rule.channelIds.map((id) => (
                  <span key={id} className="chip">
                    {channelName(id)}
                  </span>
                ))
              ) : (
                <span className="muted">no channel: alerts are recorded, nobody is told</span>
              )}
            </dd>
            <dt>Reminders</dt>
            <dd>
              {rule.renotifyMinutes === null ? 'off' : `every ${rule.renotifyMinutes} min while firing`}
            </dd>
          </dl>
          {deleteAction ? (
            <CardActions
              editHref={`/alerts/rules/${encodeURIComponent(rule.id)}/edit`}
              name={rule.name}
              what="the rule"
              consequence="Its alerts stop being evaluated."
              deleteAction={deleteAction.bind(null, rule.id)}
              managedBy={rule.managedBy}
            />
          ) : null}
        </li>
      ))}
    </ul>
  );
}
