import { outboundPolicy } from '@ihm/probe';
import { channelMessage } from '../../../test/receivers/channel-message.fixture';
import { WebhookReceiver } from '../../../test/receivers/webhook-receiver';
import { channelSenders, sendToChannel } from './channel-senders';
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
