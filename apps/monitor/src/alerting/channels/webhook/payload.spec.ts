import {
  channelMessage,
  groupedIntegrations,
  PAYMENTS,
} from '../../../../test/receivers/channel-message.fixture';
import type { ChannelMessage } from '../channel-message';
import { webhookPayload, type WebhookPayload } from './payload';

describe(webhookPayload.name, () => {
  const firing = channelMessage();

  it('is the notification body of DESIGN.md, times in ISO-8601', () => {
    expect(webhookPayload(firing)).toEqual({
      type: 'alert.firing',
      timestamp: '2026-11-27T14:33:30.000Z',
      alert: {
        id: firing.alert.id,
        rule: { id: firing.alert.rule.id, name: 'Three failures in a row' },
        state: 'firing',
        category: 'authentication',
        severity: 'down',
        message: 'Bearer token expired 2 h ago (JWT exp)',
        troubleshooting: ['Validate credentials: renew the token', 'Check the token scopes'],
        startedAt: '2026-11-27T14:32:00.000Z',
        resolvedAt: null,
        flapping: false,
      },
      summary: 'Payments API: authentication, Bearer token expired 2 h ago (JWT exp)',
      integrations: [PAYMENTS],
      url: firing.url,
    });
  });

  const resolvedAt = new Date('2026-11-27T15:02:00.000Z');
  it.each<[string, ChannelMessage, Partial<WebhookPayload>, Partial<WebhookPayload['alert']>]>([
    ['firing', firing, { type: 'alert.firing' }, { state: 'firing', resolvedAt: null }],
    [
      're-notified',
      channelMessage({ type: 'alert.firing', reason: 'renotify' }),
      { type: 'alert.firing', reason: 'renotify' },
      {},
    ],
    [
      'a category change',
      channelMessage({ type: 'alert.firing', reason: 'category_changed', previousCategory: 'rate_limiting' }),
      { type: 'alert.firing', reason: 'category_changed', previousCategory: 'rate_limiting' },
      {},
    ],
    [
      'resolved',
      channelMessage({ type: 'alert.resolved', alert: { ...firing.alert, state: 'resolved', resolvedAt } }),
      { type: 'alert.resolved' },
      { state: 'resolved', resolvedAt: '2026-11-27T15:02:00.000Z' },
    ],
    [
      'resolved because the rule no longer covers it',
      channelMessage({ type: 'alert.resolved', reason: 'out_of_scope' }),
      { type: 'alert.resolved', reason: 'out_of_scope' },
      {},
    ],
    [
      'flapping',
      channelMessage({ type: 'alert.flapping', alert: { ...firing.alert, flapping: true } }),
      { type: 'alert.flapping' },
      { flapping: true },
    ],
    ['a test', channelMessage({ type: 'alert.test' }), { type: 'alert.test' }, {}],
  ])('%s', (_, message, body, alert) => {
    const payload = webhookPayload(message);
    expect(payload).toMatchObject({ ...body, alert });
    if (!('reason' in body)) expect(payload).not.toHaveProperty('reason');
  });

  it('lists every integration of a group', () => {
    const integrations = groupedIntegrations(14);
    expect(webhookPayload(channelMessage({ integrations })).integrations).toEqual(integrations);
  });

  it('carries only the fields of the contract, whatever else the message holds', () => {
    const alert = Object.assign({ secret: 'x' }, firing.alert);
    const extra: ChannelMessage = Object.assign({ channelSecret: 'y' }, firing, { alert });
    expect(JSON.stringify(webhookPayload(extra))).toBe(JSON.stringify(webhookPayload(firing)));
  });
});
