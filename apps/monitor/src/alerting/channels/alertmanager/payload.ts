import { CATEGORY_LABELS } from '@ihm/diagnosis';
import type { ChannelMessage } from '../channel-message';

/**
 * How long Alertmanager keeps a firing alert without hearing of it again: past its `endsAt` it counts the alert
 * resolved. Re-notification re-sends it (every 4 h by default), so a day keeps it firing there between reminders;
 * the resolution itself is a durable notification of its own. With reminders off, it lapses there after a day.
 */
export const FIRING_FOR_MS = 24 * 60 * 60 * 1000;
/** A test alert shows up and goes away by itself. */
const TEST_FOR_MS = 5 * 60 * 1000;

export interface AlertmanagerAlert {
  labels: {
    alertname: string;
    integration?: string;
    category: string;
    severity: 'critical' | 'warning';
    rule: string;
  };
  annotations: { summary: string; description: string; troubleshooting: string };
  generatorURL: string;
  startsAt: string;
  endsAt: string;
}

function endsAt(message: ChannelMessage): Date {
  if (message.type === 'alert.resolved') return message.alert.resolvedAt ?? message.at;
  const lasts = message.type === 'alert.test' ? TEST_FOR_MS : FIRING_FOR_MS;
  return new Date(message.at.getTime() + lasts);
}

/**
 * The body of `POST /api/v2/alerts`: one alert per integration, so that each is grouped, silenced and resolved
 * on its own in Alertmanager. Its labels are its identity there: a resolve carries the same ones as the firing.
 * A test (about no integration) is one alert with its own alertname, for routes to tell apart.
 */
export function alertmanagerAlerts(message: ChannelMessage): AlertmanagerAlert[] {
  const { alert } = message;
  const subjects =
    message.integrations.length > 0
      ? message.integrations
      : [{ name: undefined, category: alert.category, message: alert.message }];
  const common = {
    generatorURL: message.url,
    startsAt: alert.startedAt.toISOString(),
    endsAt: endsAt(message).toISOString(),
  };
  const alerts = subjects.map(({ name, category, message: text }): AlertmanagerAlert => ({
    labels: {
      alertname: message.type === 'alert.test' ? 'IntegrationHealthMonitorTest' : 'IntegrationUnhealthy',
      ...(name === undefined ? {} : { integration: name }),
      category,
      severity: alert.severity === 'down' ? 'critical' : 'warning',
      rule: alert.rule.name,
    },
    annotations: {
      summary: `${name ?? alert.rule.name}: ${CATEGORY_LABELS[category]} — ${text}`,
      description: text,
      troubleshooting: alert.troubleshooting.join('\n'),
    },
    ...common,
  }));
  if (message.type !== 'alert.firing' || message.reason !== 'category_changed') return alerts;
  // The category is a label, so the alert under the old one is another alert there: resolved now, not left to lapse.
  const closed = alerts.map((firing) => ({
    ...firing,
    labels: { ...firing.labels, category: message.previousCategory },
    endsAt: message.at.toISOString(),
  }));
  return [...closed, ...alerts];
}
