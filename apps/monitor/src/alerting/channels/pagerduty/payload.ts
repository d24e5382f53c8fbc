import { CATEGORY_LABELS } from '@ihm/diagnosis';
import type { ChannelIntegration, ChannelMessage } from '../channel-message';
import { fit, who } from '../message-text';

/** PagerDuty's cap on `payload.summary`; a longer one is refused with a 400. */
const SUMMARY_MAX = 1024;
const CLIENT = 'Integration Health Monitor';
const DEFAULT_SOURCE = 'integration-health-monitor';

export type PagerDutySeverity = 'critical' | 'warning' | 'info';

export interface PagerDutyTrigger {
  routing_key: string;
  event_action: 'trigger';
  dedup_key: string;
  payload: {
    summary: string;
    source: string;
    severity: PagerDutySeverity;
    timestamp: string;
    component: string;
    group: string;
    class: string;
    custom_details: {
      rule: string;
      category: string;
      message: string;
      troubleshooting: string[];
      integrations: ChannelIntegration[];
    };
  };
  links: { href: string; text: string }[];
  client: string;
  client_url: string;
}

export interface PagerDutyResolve {
  routing_key: string;
  event_action: 'resolve';
  dedup_key: string;
}

/** An Events API v2 event: its body as POSTed to the enqueue endpoint. */
export type PagerDutyEvent = PagerDutyTrigger | PagerDutyResolve;

/**
 * The same for every notification of one alert, so that PagerDuty folds its re-notifications into one incident
 * and its resolve closes that incident. A test has no alert of its own: its message id keeps it apart.
 */
export function pagerDutyDedupKey(message: ChannelMessage): string {
  return `ihm-${message.type === 'alert.test' ? message.id : message.alert.id}`;
}

function severity(message: ChannelMessage): PagerDutySeverity {
  if (message.type === 'alert.test') return 'info';
  return message.alert.severity === 'down' ? 'critical' : 'warning';
}

export function pagerDutyEvent(routingKey: string, message: ChannelMessage): PagerDutyEvent {
  const dedupKey = pagerDutyDedupKey(message);
  if (message.type === 'alert.resolved') {
    return { routing_key: routingKey, event_action: 'resolve', dedup_key: dedupKey };
  }
  const { alert, integrations } = message;
  const name = who(message);
  return {
    routing_key: routingKey,
    event_action: 'trigger',
    dedup_key: dedupKey,
    payload: {
      summary: fit(`${name}: ${CATEGORY_LABELS[alert.category]} — ${alert.message}`, SUMMARY_MAX),
      source: integrations.length === 1 ? name : DEFAULT_SOURCE,
      severity: severity(message),
      timestamp: message.at.toISOString(),
      component: name,
      group: alert.category,
      class: alert.category,
      custom_details: {
        rule: alert.rule.name,
        category: alert.category,
        message: alert.message,
        troubleshooting: [...alert.troubleshooting],
        integrations: integrations.map(({ id, name: integration, category, message: text }) => ({
          id,
          name: integration,
          category,
          message: text,
        })),
      },
    },
    links: [{ href: message.url, text: 'Open in the monitor' }],
    client: CLIENT,
    client_url: message.url,
  };
}
