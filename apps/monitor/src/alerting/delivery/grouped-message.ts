import { groupHeadline, type NotificationKind } from '@ihm/diagnosis';
import type { ChannelMessage } from '../channels/channel-message';
import { groupMessageId } from '../channels/message-id';
import { dashboardPage } from '../evaluation/channel-message.mapper';

function kindOf(message: ChannelMessage): NotificationKind {
  switch (message.type) {
    case 'alert.firing':
      return message.reason ?? 'firing';
    case 'alert.flapping':
      return 'flapping';
    case 'alert.resolved':
      return 'resolved';
    case 'alert.test':
      throw new Error('a test notification is sent on its own, never grouped');
  }
}

/**
 * One message for a group of notifications (same rule, kind and category; see groupKey), in the order they
 * became due: the first one's alert, every integration with its own sentence, a summary of what they share and a
 * link to the alerts of that category. A group of one is its notification unchanged.
 */
export function groupedMessage(messages: readonly ChannelMessage[], dashboardUrl: string): ChannelMessage {
  const [first, ...others] = messages;
  if (!first) throw new Error('a group has at least one notification');
  if (others.length === 0) return first;
  const integrations = messages.flatMap((message) => message.integrations);
  return {
    ...first,
    id: groupMessageId(messages.map((message) => message.id)),
    summary: groupHeadline(kindOf(first), first.alert.category, integrations),
    integrations,
    url: dashboardPage(dashboardUrl, `alerts?category=${encodeURIComponent(first.alert.category)}`),
  };
}
