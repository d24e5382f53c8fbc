import { dashboardPage } from '../evaluation/channel-message.mapper';
import type { ChannelMessage } from './channel-message';

/** What "send test" delivers: marked as a test, so that a receiver's own automation can tell it apart. */
export function testMessage(channelId: string, dashboardUrl: string, at: Date): ChannelMessage {
  return {
    type: 'alert.test',
    id: `msg_test_${channelId.replaceAll('-', '')}_${at.getTime()}`,
    at,
    alert: {
      id: 'test',
      rule: { id: 'test', name: 'Test notification' },
      state: 'firing',
      category: 'connectivity',
      severity: 'down',
      message: 'This is a test notification from the integration health monitor: the channel works.',
      troubleshooting: [],
      startedAt: at,
      flapping: false,
    },
    summary: 'Test notification: the channel works',
    integrations: [],
    url: dashboardPage(dashboardUrl, 'alerts'),
  };
}
