import {
  channelMessage,
  groupedIntegrations,
  PAYMENTS,
} from '../../../../test/receivers/channel-message.fixture';
import type { ChannelMessage } from '../channel-message';
import { pagerDutyDedupKey, pagerDutyEvent, type PagerDutyTrigger } from './payload';

const KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';
const firing = channelMessage();
const DEDUP = `ihm-${firing.alert.id}`;

const trigger = (message: ChannelMessage): PagerDutyTrigger => {
  const event = pagerDutyEvent(KEY, message);
  if (event.event_action !== 'trigger') throw new Error(`expected a trigger, got ${event.event_action}`);
  return event;
};

describe(pagerDutyEvent.name, () => {
  it('is an Events API v2 trigger keyed on the alert', () => {
    expect(pagerDutyEvent(KEY, firing)).toEqual({
      routing_key: KEY,
      event_action: 'trigger',
      dedup_key: DEDUP,
      payload: {
        summary: 'Payments API: Authentication — Bearer token expired 2 h ago (JWT exp)',
        source: 'Payments API',
        severity: 'critical',
        timestamp: '2026-11-27T14:33:30.000Z',
        component: 'Payments API',
        group: 'authentication',
        class: 'authentication',
        custom_details: {
          rule: 'Three failures in a row',
          category: 'authentication',
          message: PAYMENTS.message,
          troubleshooting: ['Validate credentials: renew the token', 'Check the token scopes'],
          integrations: [PAYMENTS],
        },
      },
      links: [{ href: firing.url, text: 'Open in the monitor' }],
      client: 'Integration Health Monitor',
      client_url: firing.url,
    });
  });

  const resolvedAt = new Date('2026-11-27T15:02:00.000Z');
  it.each<[string, ChannelMessage, 'trigger' | 'resolve', string]>([
    ['firing', firing, 'trigger', DEDUP],
    ['re-notified', channelMessage({ type: 'alert.firing', reason: 'renotify' }), 'trigger', DEDUP],
    [
      'a category change',
      channelMessage({ type: 'alert.firing', reason: 'category_changed' }),
      'trigger',
      DEDUP,
    ],
    ['flapping', channelMessage({ type: 'alert.flapping' }), 'trigger', DEDUP],
    [
      'resolved',
      channelMessage({ type: 'alert.resolved', alert: { ...firing.alert, state: 'resolved', resolvedAt } }),
      'resolve',
      DEDUP,
    ],
    ['a test', channelMessage({ type: 'alert.test', id: 'msg_test_1' }), 'trigger', 'ihm-msg_test_1'],
  ])('%s is a %s with dedup_key %s', (_, message, action, dedupKey) => {
    expect(pagerDutyEvent(KEY, message)).toMatchObject({
      routing_key: KEY,
      event_action: action,
      dedup_key: dedupKey,
    });
    expect(pagerDutyDedupKey(message)).toBe(dedupKey);
  });

  it('resolves with the key, the action and the dedup_key alone', () => {
    const resolved = channelMessage({ type: 'alert.resolved', alert: { ...firing.alert, resolvedAt } });
    expect(pagerDutyEvent(KEY, resolved)).toEqual({
      routing_key: KEY,
      event_action: 'resolve',
      dedup_key: DEDUP,
    });
  });

  it.each<[string, ChannelMessage, string]>([
    ['down', firing, 'critical'],
    ['degraded', channelMessage({ alert: { ...firing.alert, severity: 'degraded' } }), 'warning'],
    ['a test', channelMessage({ type: 'alert.test' }), 'info'],
  ])('maps %s to severity %s', (_, message, severity) => {
    expect(trigger(message).payload.severity).toBe(severity);
  });

  it('names a group by its count, from the monitor as source, with every integration in the details', () => {
    const integrations = groupedIntegrations(14);
    const { payload } = trigger(
      channelMessage({ integrations, alert: { ...firing.alert, category: 'connectivity' } }),
    );
    expect(payload.summary).toBe(`14 integrations: Connectivity — ${PAYMENTS.message}`);
    expect(payload.source).toBe('integration-health-monitor');
    expect(payload.custom_details.integrations).toEqual(integrations);
  });

  it('names the rule when about no integration, as a test notification is', () => {
    const { payload } = trigger(channelMessage({ type: 'alert.test', integrations: [] }));
    expect(payload.summary).toMatch(/^Three failures in a row: Authentication — /);
    expect(payload.source).toBe('integration-health-monitor');
  });

  it("keeps the summary within PagerDuty's 1024 characters", () => {
    const { payload } = trigger(channelMessage({ alert: { ...firing.alert, message: '😀'.repeat(2000) } }));
    expect(payload.summary.length).toBeGreaterThan(1020);
    expect(payload.summary.length).toBeLessThanOrEqual(1024);
    // Whole emoji only: never half a surrogate pair before the ellipsis.
    expect(payload.summary).toMatch(/😀…$/);
  });
});
