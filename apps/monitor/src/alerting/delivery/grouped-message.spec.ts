import { channelMessage, groupedIntegrations } from '../../../test/receivers/channel-message.fixture';
import type { ChannelMessage } from '../channels/channel-message';
import { groupMessageId } from '../channels/message-id';
import { groupedMessage } from './grouped-message';

const DASHBOARD = 'https://ops.example.com/monitor';

/** One stored notification per integration, as the outbox holds them: each its own id and alert. */
function notifications(count: number, overrides: Partial<ChannelMessage> = {}): ChannelMessage[] {
  return groupedIntegrations(count).map((integration, i) =>
    channelMessage({
      id: `msg_${i}`,
      alert: {
        ...channelMessage().alert,
        id: `alert-${i}`,
        category: 'connectivity',
        message: integration.message,
      },
      integrations: [integration],
      ...overrides,
    }),
  );
}

describe(groupedMessage.name, () => {
  it('sends a group of one as the notification itself', () => {
    const [only] = notifications(1);
    expect(groupedMessage([only!], DASHBOARD)).toBe(only);
  });

  it('collapses fourteen integrations failing the same way into one message listing each', () => {
    const members = notifications(14);
    const message = groupedMessage(members, DASHBOARD);
    expect(message).toMatchObject({
      type: 'alert.firing',
      id: groupMessageId(members.map((m) => m.id)),
      summary: '14 integrations: connectivity, DNS lookup of … failed: no such host (ENOTFOUND)',
      alert: { id: 'alert-0', category: 'connectivity' },
      url: 'https://ops.example.com/monitor/alerts?category=connectivity',
    });
    expect(message.integrations).toEqual(members.flatMap((m) => m.integrations));
  });

  it.each<[string, Partial<ChannelMessage>, string]>([
    ['resolved', { type: 'alert.resolved' }, '3 integrations resolved: connectivity'],
    [
      'still firing',
      { type: 'alert.firing', reason: 'renotify' },
      '3 integrations still failing: connectivity',
    ],
    ['flapping', { type: 'alert.flapping' }, '3 integrations flapping: connectivity'],
  ])('says what the group is about when %s', (_kind, overrides, start) => {
    expect(groupedMessage(notifications(3, overrides), DASHBOARD).summary.startsWith(start)).toBe(true);
  });

  it('refuses an empty group', () => {
    expect(() => groupedMessage([], DASHBOARD)).toThrow(/at least one/);
  });
});
