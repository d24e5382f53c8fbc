import { groupHeadline, type AlertNotification } from '@ihm/diagnosis';
import type { ChannelMessage } from '../channels/channel-message';
import { channelMessageId } from '../channels/message-id';

/** A page of the dashboard, which may itself live under a path (`https://ops.example.com/monitor`). */
export const dashboardPage = (dashboardUrl: string, page: string) =>
  new URL(page, dashboardUrl.endsWith('/') ? dashboardUrl : `${dashboardUrl}/`).toString();

/** Where a notification about one integration links to: its page on the dashboard. */
export const integrationPage = (dashboardUrl: string, integrationId: string) =>
  dashboardPage(dashboardUrl, `integrations/${encodeURIComponent(integrationId)}`);

/** One alert notification as every channel is given it. */
export function toChannelMessage(
  notification: AlertNotification,
  alertId: string,
  dashboardUrl: string,
): ChannelMessage {
  const { integration, rule } = notification;
  const resolved = notification.kind === 'resolved';
  const base = {
    id: channelMessageId(notification),
    at: notification.at,
    alert: {
      id: alertId,
      rule: { id: rule.id, name: rule.name },
      state: resolved ? ('resolved' as const) : ('firing' as const),
      category: notification.category,
      severity: notification.severity,
      message: notification.message,
      troubleshooting: notification.troubleshooting,
      startedAt: notification.startedAt,
      ...(resolved ? { resolvedAt: notification.resolvedAt } : {}),
      flapping: notification.kind === 'flapping',
    },
    integrations: [
      {
        id: integration.id,
        name: integration.name,
        category: notification.category,
        message: notification.message,
      },
    ],
    summary: groupHeadline(notification.kind, notification.category, [
      { name: integration.name, message: notification.message },
    ]),
    url: integrationPage(dashboardUrl, integration.id),
  };
  switch (notification.kind) {
    case 'firing':
      return { ...base, type: 'alert.firing' };
    case 'renotify':
      return { ...base, type: 'alert.firing', reason: 'renotify' };
    case 'category_changed':
      return {
        ...base,
        type: 'alert.firing',
        reason: 'category_changed',
        previousCategory: notification.previousCategory,
      };
    case 'flapping':
      return { ...base, type: 'alert.flapping' };
    case 'resolved':
      return {
        ...base,
        type: 'alert.resolved',
        ...(notification.closed ? { reason: notification.closed } : {}),
      };
  }
}
