import { alertDetailFixture } from '../components/alerts/fixtures';
import { alertTimeline, notificationLabel } from './alert-timeline';

describe(alertTimeline.name, () => {
  it('interleaves the alert’s changes with every delivery attempt, oldest first, changes first at a tie', () => {
    const alert = alertDetailFixture({
      state: 'resolved',
      acknowledgedBy: 'admin',
      acknowledgedAt: '2026-11-25T11:55:00.000Z',
      resolvedAt: '2026-11-25T11:58:00.000Z',
      deliveries: [
        {
          channelId: 'chan-1',
          channelName: 'Ops webhook',
          messageId: 'msg_1',
          kind: 'firing',
          at: '2026-11-25T11:52:00.000Z',
          outcome: 'failed',
          status: 503,
          error: 'The receiver answered 503',
        },
        {
          channelId: 'chan-1',
          channelName: 'Ops webhook',
          messageId: 'msg_1',
          kind: 'firing',
          at: '2026-11-25T11:53:00.000Z',
          outcome: 'delivered',
          status: 200,
          error: null,
        },
        {
          channelId: null,
          channelName: null,
          messageId: null,
          kind: 'resolved',
          at: '2026-11-25T11:58:01.000Z',
          outcome: 'held',
          status: null,
          error: null,
        },
      ],
    });
    expect(alertTimeline(alert)).toEqual([
      { type: 'change', at: '2026-11-25T11:50:00.000Z', text: 'Started failing (pending)' },
      { type: 'change', at: '2026-11-25T11:52:00.000Z', text: 'Fired' },
      {
        type: 'delivery',
        at: '2026-11-25T11:52:00.000Z',
        text: 'Firing notification',
        channel: 'Ops webhook',
        outcome: 'failed',
        status: 503,
        error: 'The receiver answered 503',
      },
      {
        type: 'delivery',
        at: '2026-11-25T11:53:00.000Z',
        text: 'Firing notification',
        channel: 'Ops webhook',
        outcome: 'delivered',
        status: 200,
        error: null,
      },
      { type: 'change', at: '2026-11-25T11:55:00.000Z', text: 'Acknowledged by admin' },
      { type: 'change', at: '2026-11-25T11:58:00.000Z', text: 'Resolved' },
      {
        type: 'delivery',
        at: '2026-11-25T11:58:01.000Z',
        text: 'Resolved notification',
        channel: 'held by a silence, for the rule’s channels',
        outcome: 'held',
        status: null,
        error: null,
      },
    ]);
  });

  it('names every notification kind, and one it does not know by its kind', () => {
    expect(
      ['firing', 'resolved', 'renotify', 'category_changed', 'flapping', 'digest'].map(notificationLabel),
    ).toEqual([
      'Firing notification',
      'Resolved notification',
      'Reminder',
      'Category changed',
      'Flapping notice',
      'Notification (digest)',
    ]);
  });
});
