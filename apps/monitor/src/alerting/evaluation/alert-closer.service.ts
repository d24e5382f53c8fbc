import { closeAlert, type CloseReason } from '@ihm/diagnosis';
import { Injectable } from '@nestjs/common';
import type { StoredAlertRule } from '../rules/alert-rule.repository';
import { watches } from '../rules/rule-watches';
import { SilenceService } from '../silences/silence.service';
import { AlertEvaluationRepository, type OpenEvaluation } from './alert-evaluation.repository';
import { NotificationPlanner } from './notification-planner';

/**
 * Resolves the open alerts of what stops being watched, before it goes: an integration or a rule about to be
 * deleted, or integrations a rule's new scope leaves out. Their firing alerts are resolved and announced (the
 * notifications outlive the alert rows), so that no receiver keeps an incident open for news that will never come.
 */
@Injectable()
export class AlertCloser {
  constructor(
    private readonly repository: AlertEvaluationRepository,
    private readonly silences: SilenceService,
    private readonly planner: NotificationPlanner,
  ) {}

  /** Before an integration is deleted. */
  integrationDeleted(integrationId: string): Promise<void> {
    return this.close({ integrationId }, () => 'integration_deleted');
  }

  /** Before a rule is deleted. */
  ruleDeleted(ruleId: string): Promise<void> {
    return this.close({ ruleId }, () => 'rule_deleted');
  }

  /** After a rule's scope changed: its alerts on integrations it no longer watches. */
  scopeChanged(rule: Pick<StoredAlertRule, 'id' | 'scope'>): Promise<void> {
    return this.close({ ruleId: rule.id }, ({ integration }) =>
      watches(rule, integration) ? null : 'out_of_scope',
    );
  }

  private async close(
    of: { integrationId: string } | { ruleId: string },
    reasonFor: (open: OpenEvaluation) => CloseReason | null,
  ): Promise<void> {
    const silences = await this.silences.current();
    const now = new Date();
    await this.repository.evaluateOpen(of, (open) =>
      this.planner.writesFor(
        open.flatMap((entry) => {
          const reason = reasonFor(entry);
          if (!reason) return [];
          const { key, stored, rule, integration } = entry;
          const evaluation = closeAlert(stored.state, { rule, integration }, reason, now);
          return [{ key, rule, before: stored.state, evaluation, upTo: stored.upTo }];
        }),
        silences,
        now,
      ),
    );
  }
}
