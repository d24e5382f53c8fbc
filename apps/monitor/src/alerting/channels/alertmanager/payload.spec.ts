import {
  channelMessage,
  groupedIntegrations,
  PAYMENTS,
} from '../../../../test/receivers/channel-message.fixture';
import type { ChannelMessage } from '../channel-message';
import { FIRING_FOR_MS, alertmanagerAlerts } from './payload';

const firing = channelMessage();
const resolvedAt = new Date('2026-11-27T15:02:00.000Z');
const AT_PLUS_1D = '2026-11-28T14:33:30.000Z';

describe(alertmanagerAlerts.name, () => {
  it('is one Alertmanager alert with the labels that identify it, firing for a day', () => {
    expect(alertmanagerAlerts(firing)).toEqual([
      {
        labels: {
          alertname: 'IntegrationUnhealthy',
          integration: 'Payments API',
          category: 'authentication',
          severity: 'critical',
          rule: 'Three failures in a row',
        },
        annotations: {
          summary: `Payments API: Authentication — ${PAYMENTS.message}`,
          description: PAYMENTS.message,
          troubleshooting: 'Validate credentials: renew the token\nCheck the token scopes',
        },
        generatorURL: firing.url,
        startsAt: '2026-11-27T14:32:00.000Z',
        endsAt: AT_PLUS_1D,
      },
    ]);
  });

  it.each<[string, ChannelMessage, string]>([
    ['firing', firing, AT_PLUS_1D],
    ['re-notified', channelMessage({ type: 'alert.firing', reason: 'renotify' }), AT_PLUS_1D],
    ['flapping', channelMessage({ type: 'alert.flapping' }), AT_PLUS_1D],
    [
      'resolved',
      channelMessage({ type: 'alert.resolved', alert: { ...firing.alert, state: 'resolved', resolvedAt } }),
      '2026-11-27T15:02:00.000Z',
    ],
    ['a test', channelMessage({ type: 'alert.test' }), '2026-11-27T14:38:30.000Z'],
  ])('%s ends at %s', (_, message, endsAt) => {
    const [alert] = alertmanagerAlerts(message);
    expect(alert?.endsAt).toBe(endsAt);
    expect(alert?.startsAt).toBe('2026-11-27T14:32:00.000Z');
  });

  it('resolves with the labels it fired with, so that Alertmanager takes it for the same alert', () => {
    const resolved = channelMessage({ type: 'alert.resolved', alert: { ...firing.alert, resolvedAt } });
    expect(alertmanagerAlerts(resolved)[0]?.labels).toEqual(alertmanagerAlerts(firing)[0]?.labels);
  });

  it.each<[string, ChannelMessage['alert']['severity'], string]>([
    ['down', 'down', 'critical'],
    ['degraded', 'degraded', 'warning'],
  ])('labels %s as severity %s', (_, severity, label) => {
    const [alert] = alertmanagerAlerts(channelMessage({ alert: { ...firing.alert, severity } }));
    expect(alert?.labels.severity).toBe(label);
  });

  it('sends one alert per integration of a group, each with its own name and sentence', () => {
    const integrations = groupedIntegrations(3);
    const alerts = alertmanagerAlerts(channelMessage({ integrations }));
    expect(alerts.map((a) => [a.labels.integration, a.labels.category, a.annotations.description])).toEqual(
      integrations.map((i) => [i.name, 'connectivity', i.message]),
    );
  });

  it('resolves the alert under the old category label when the category changes, and fires the new one', () => {
    const changed = channelMessage({ reason: 'category_changed', previousCategory: 'rate_limiting' });
    const alerts = alertmanagerAlerts(changed);
    expect(alerts.map((a) => [a.labels.category, a.endsAt])).toEqual([
      ['rate_limiting', changed.at.toISOString()],
      ['authentication', new Date(changed.at.getTime() + FIRING_FOR_MS).toISOString()],
    ]);
    expect(alerts[0]?.labels).toEqual({ ...alerts[1]?.labels, category: 'rate_limiting' });
  });

  it('sends a test as one alert of its own alertname, about no integration', () => {
    const alerts = alertmanagerAlerts(channelMessage({ type: 'alert.test', integrations: [] }));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.labels).toEqual({
      alertname: 'IntegrationHealthMonitorTest',
      category: 'authentication',
      severity: 'critical',
      rule: 'Three failures in a row',
    });
    expect(alerts[0]?.annotations.summary).toMatch(/^Three failures in a row: Authentication — /);
  });
});
