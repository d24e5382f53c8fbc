import { outboundPolicy } from '@ihm/probe';
import { channelMessage } from '../../../test/receivers/channel-message.fixture';
import { WebhookReceiver } from '../../../test/receivers/webhook-receiver';
import { channelSenders, sendToChannel, type ChannelTarget } from './channel-senders';
import { generateWebhookSecret } from './webhook/sign';

describe('channelSenders', () => {
  it('has a sender for each channel type built so far', () => {
    expect(Object.keys(channelSenders).sort()).toEqual([
      'alertmanager',
      'email',
      'pagerduty',
      'slack',
      'webhook',
    ]);
  });
});

describe(sendToChannel.name, () => {
  const secret = generateWebhookSecret();
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start({ secret });
  });
  afterEach(() => receiver.close());

  it("sends through the channel type's own sender", async () => {
    const options = { outbound: outboundPolicy(true, []) };
    await sendToChannel(
      { type: 'webhook', config: { url: receiver.url(), secret } },
      channelMessage(),
      options,
    );
    await sendToChannel(
      { type: 'slack', config: { webhookUrl: receiver.url('/slack') } },
      channelMessage(),
      options,
    );
    const [webhook, slack] = receiver.deliveries;
    expect(webhook).toMatchObject({ path: '/hook', verified: true, json: { type: 'alert.firing' } });
    expect(slack).toMatchObject({ path: '/slack', verified: false, json: { blocks: expect.any(Array) } });
  });
});

/**
 * A receiver, or a proxy in front of it, that quotes the request in its answer: the channel's secrets must not
 * come back out in the outcome, which the API shows and the delivery log stores.
 */
describe(`${sendToChannel.name} and a receiver that quotes the request`, () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(() => receiver.close());

  const ROUTING_KEY = 'R0UT1NGKEY0123456789abcdefABCDEF';
  const SLACK_PATH = '/services/T000/B000/XXXXSLACKSECRETXXXX';

  it.each<[string, (url: (path?: string) => string) => ChannelTarget, string, string]>([
    [
      'a PagerDuty routing key',
      (url) => ({ type: 'pagerduty', config: { routingKey: ROUTING_KEY, url: url('/v2/enqueue') } }),
      ROUTING_KEY,
      `routing_key ${ROUTING_KEY} is unknown`,
    ],
    [
      'a Slack webhook URL, whole or by its path',
      (url) => ({ type: 'slack', config: { webhookUrl: url(SLACK_PATH) } }),
      'XXXXSLACKSECRETXXXX',
      `no_service: POST ${SLACK_PATH}`,
    ],
  ])('keeps %s out of the outcome', async (_label, channel, secret, echo) => {
    const target = channel((path) => receiver.url(path));
    receiver.respondWith({ status: 400, body: echo }, { status: 500, body: JSON.stringify(target) });
    const outcomes = [
      await sendToChannel(target, channelMessage(), { outbound: outboundPolicy(true, []) }),
      await sendToChannel(target, channelMessage(), { outbound: outboundPolicy(true, []) }),
    ];
    expect(outcomes.map((o) => o.status)).toEqual([400, 500]);
    expect(receiver.deliveries.map((d) => d.path + d.body)).toEqual([
      expect.stringContaining(secret),
      expect.stringContaining(secret),
    ]);
    for (const outcome of outcomes) {
      expect(outcome.responseExcerpt).toContain('[redacted]');
      expect(JSON.stringify(outcome)).not.toContain(secret);
    }
  });
});
