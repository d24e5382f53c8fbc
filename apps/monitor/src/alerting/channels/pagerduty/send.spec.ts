import { outboundPolicy } from '@ihm/probe';
import { channelMessage } from '../../../../test/receivers/channel-message.fixture';
import { WebhookReceiver, type ScriptedReply } from '../../../../test/receivers/webhook-receiver';
import type { DeliveryOutcome } from '../delivery-outcome';
import { sendPagerDuty } from './send';

/** The test receivers listen on loopback, which the outbound guard refuses unless allowed. */
const LOOPBACK = outboundPolicy(true, []);

const routingKey = 'R0UT1NGKEY0123456789abcdefABCDEF';
const firing = channelMessage();
const resolved = channelMessage({
  type: 'alert.resolved',
  alert: { ...firing.alert, state: 'resolved', resolvedAt: new Date('2026-11-27T15:02:00.000Z') },
});
// PagerDuty's answer to an event it takes.
const ACCEPTED = JSON.stringify({ status: 'success', message: 'Event processed', dedup_key: 'ihm-…' });

describe(sendPagerDuty.name, () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start({ reply: { status: 202, body: ACCEPTED } });
  });
  afterEach(() => receiver.close());

  const send = (message = firing, options?: Parameters<typeof sendPagerDuty>[2]) =>
    sendPagerDuty({ routingKey, url: receiver.url('/v2/enqueue') }, message, {
      outbound: LOOPBACK,
      ...options,
    });

  it('triggers, then resolves the same incident: one dedup_key for both', async () => {
    expect(await send(firing)).toEqual({
      ok: true,
      status: 202,
      error: null,
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: ACCEPTED,
    });
    expect((await send(resolved)).ok).toBe(true);
    const [trigger, resolve] = receiver.deliveries.map((d) => d.json as Record<string, unknown>);
    expect(receiver.deliveries.map((d) => [d.method, d.path, d.headers['content-type']])).toEqual([
      ['POST', '/v2/enqueue', 'application/json'],
      ['POST', '/v2/enqueue', 'application/json'],
    ]);
    expect(trigger).toMatchObject({ routing_key: routingKey, event_action: 'trigger' });
    expect(resolve).toEqual({
      routing_key: routingKey,
      event_action: 'resolve',
      dedup_key: trigger?.dedup_key,
    });
    expect(trigger?.dedup_key).toBe(`ihm-${firing.alert.id}`);
  });

  it.each<[string, ScriptedReply, Partial<DeliveryOutcome>]>([
    [
      'a 400, an event it will never take, without disabling the channel',
      { status: 400, body: '{"status":"invalid event","message":"Event object is invalid"}' },
      { status: 400, error: 'HTTP 400: PagerDuty refused the event as invalid', gone: false },
    ],
    [
      'a 429 with Retry-After, to retry later',
      { status: 429, headers: { 'retry-after': '30' }, body: 'throttled' },
      { status: 429, error: 'HTTP 429', retryAfterSeconds: 30, gone: false },
    ],
    ['a 500', { status: 500, body: 'boom' }, { status: 500, error: 'HTTP 500', gone: false }],
  ])('answers %s', async (_, reply, expected) => {
    receiver.respondWith(reply);
    expect(await send()).toMatchObject({ ok: false, responseExcerpt: reply.body, ...expected });
  });

  it('sends nothing with a routing key that is not one, a masked one included', async () => {
    const outcome = await sendPagerDuty({ routingKey: '********', url: receiver.url() }, firing, {
      outbound: LOOPBACK,
    });
    expect(outcome).toMatchObject({ ok: false, status: null, error: expect.stringContaining('routing key') });
    expect(receiver.deliveries).toHaveLength(0);
  });
});
