import {
  deliverable,
  groupKey,
  type AlertEvaluation,
  type AlertNotification,
  type AlertState,
  type Silence,
} from '@ihm/diagnosis';
import { Inject, Injectable } from '@nestjs/common';
import { RUNTIME_CONFIG, type RuntimeConfig } from '../../config/runtime-config';
import { sentGrouped } from '../channels/channel-grouping';
import { channelMessageId } from '../channels/message-id';
import type { EvaluationKey, EvaluationWrites, OutboxEntry } from './alert-evaluation.repository';
import { toChannelMessage } from './channel-message.mapper';

/** One evaluation of a (rule, integration), to be written: the rule's id and channels, the state before, the outcome. */
export interface Decided {
  key: EvaluationKey;
  rule: { id: string; channelIds: readonly string[] };
  before: AlertState | null;
  evaluation: AlertEvaluation;
}

/** Empty writes, to collect decisions into. */
/** A decision about one of several distinct (rule, integration) pairs, stored with its state as of `upTo`. */
export type StoredDecision = Decided & { upTo: Date };

export const noWrites = (): EvaluationWrites => ({
  states: [],
  alerts: [],
  lapsed: [],
  outbox: [],
  held: [],
});

/**
 * Turns what evaluation decided into what is written: changed alerts, lapsed pending ones, and each notification
 * either in the outbox for the rule's channels (with its group key and group wait per channel) or held by a silence.
 * Every path that evaluates (results, the clock, closing, silences ending) goes through here.
 */
@Injectable()
export class NotificationPlanner {
  constructor(@Inject(RUNTIME_CONFIG) private readonly config: RuntimeConfig) {}

  /** A notification in the outbox for these channels, as every channel is given it. */
  readonly outboxEntry = (notification: AlertNotification, channelIds: readonly string[]): OutboxEntry => ({
    alertKey: notification.alertKey,
    channelIds,
    messageId: channelMessageId(notification),
    kind: notification.kind,
    occurredAt: notification.at,
    // A group wait of 0 turns grouping off: each notification is its own message, at once.
    routing: (channelType) =>
      sentGrouped(channelType) && this.config.env.alertGroupWaitSeconds > 0
        ? {
            groupKey: groupKey(notification),
            dueAt: new Date(notification.at.getTime() + this.config.env.alertGroupWaitSeconds * 1000),
          }
        : { groupKey: null, dueAt: notification.at },
    payload: (alertId) => toChannelMessage(notification, alertId, this.config.env.dashboardUrl),
  });

  /**
   * Adds one decision to `writes` (its new state excepted: callers know when to store it). `changedAlerts` keeps
   * the newest version of each alert across the decisions of one batch.
   */
  collect(
    writes: EvaluationWrites,
    changedAlerts: Map<string, EvaluationWrites['alerts'][number]>,
    { key, rule, before, evaluation }: Decided,
    silences: readonly Silence[],
    now: Date,
  ): void {
    const { state, notifications } = evaluation;
    if (state.alert && state.alert !== before?.alert)
      changedAlerts.set(state.alert.key, { ...key, alert: state.alert });
    if (before?.alert?.state === 'pending' && state.alert?.key !== before.alert.key) {
      // Lapsed before it fired, maybe within this batch: it leaves no row.
      changedAlerts.delete(before.alert.key);
      writes.lapsed.push(before.alert.key);
    }
    // A silence holds notifications back (the alert itself is still recorded); they are decided again when it ends.
    const { send, held } = deliverable(notifications, silences, now);
    writes.outbox.push(...send.map((notification) => this.outboxEntry(notification, rule.channelIds)));
    writes.held.push(...held.map((notification) => ({ ruleId: rule.id, notification })));
  }

  /** The writes for decisions about distinct (rule, integration) pairs, each stored with its new state. */
  writesFor(decisions: readonly StoredDecision[], silences: readonly Silence[], now: Date): EvaluationWrites {
    const writes = noWrites();
    const changedAlerts = new Map<string, EvaluationWrites['alerts'][number]>();
    for (const decision of decisions) {
      writes.states.push({ key: decision.key, upTo: decision.upTo, state: decision.evaluation.state });
      this.collect(writes, changedAlerts, decision, silences, now);
    }
    writes.alerts.push(...changedAlerts.values());
    return writes;
  }
}
