import { outboundPolicy } from '@ihm/probe';
import { channelMessage } from '../../../../test/receivers/channel-message.fixture';
import { WebhookReceiver, type ScriptedReply } from '../../../../test/receivers/webhook-receiver';
import type { DeliveryOutcome } from '../delivery-outcome';
import { slackPayload } from './payload';
import { sendSlack } from './send';

/** The test receivers listen on loopback, which the outbound guard refuses unless allowed. */
const LOOPBACK = outboundPolicy(true, []);

const message = channelMessage();
// An incoming webhook's URL is its only credential.
const SECRET_PATH = '/services/T0000/B0000/xoxSECRETtoken';

describe(sendSlack.name, () => {
  let receiver: WebhookReceiver;
  beforeEach(async () => {
    receiver = await WebhookReceiver.start();
  });
  afterEach(() => receiver.close());

  const send = (options?: Parameters<typeof sendSlack>[2]) =>
    sendSlack({ webhookUrl: receiver.url(SECRET_PATH) }, message, { outbound: LOOPBACK, ...options });

  it('posts the Block Kit message, unsigned', async () => {
    expect(await send()).toEqual({
      ok: true,
      status: 200,
      error: null,
      retryAfterSeconds: null,
      gone: false,
      responseExcerpt: 'ok',
    });
    const [delivery] = receiver.deliveries;
    expect(delivery?.path).toBe(SECRET_PATH);
    expect(delivery?.json).toEqual(slackPayload(message));
    expect(delivery?.headers['content-type']).toBe('application/json');
    expect(delivery?.headers).not.toHaveProperty('webhook-signature');
  });

  it.each<[string, ScriptedReply, Partial<DeliveryOutcome>]>([
    ['a removed webhook (404 no_service)', { status: 404, body: 'no_service' }, { status: 404, gone: true }],
    ['a deactivated installer (403 invalid_token)', { status: 403, body: 'invalid_token' }, { gone: true }],
    ['a deactivated installer (400 invalid_token)', { status: 400, body: 'invalid_token' }, { gone: true }],
    ['an archived channel (410)', { status: 410, body: 'channel_is_archived' }, { gone: true }],
    ['a refused payload (400)', { status: 400, body: 'invalid_payload' }, { status: 400, gone: false }],
    ['a posting restriction (403)', { status: 403, body: 'action_prohibited' }, { gone: false }],
    ['a 500', { status: 500, body: 'rollup_error' }, { status: 500, error: 'HTTP 500', gone: false }],
  ])('answers %s', async (_, reply, expected) => {
    receiver.respondWith(reply);
    expect(await send()).toMatchObject({ ok: false, responseExcerpt: reply.body, ...expected });
  });

  it("reads a 429's Retry-After as a date from the attempt's time", async () => {
    receiver.respondWith({ status: 429, headers: { 'retry-after': 'Fri, 27 Nov 2026 14:34:00 GMT' } });
    const outcome = await send({ now: new Date('2026-11-27T14:32:00.000Z') });
    expect(outcome).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 120, gone: false });
  });

  it('gives up on a receiver that hangs at the deadline', async () => {
    receiver.respondWith({ hang: true });
    expect(await send({ timeoutMs: 200 })).toMatchObject({ status: null, error: 'no answer within 200 ms' });
  });

  it('never puts the URL in an outcome', async () => {
    await receiver.close();
    const outcome = await send();
    receiver = await WebhookReceiver.start();
    expect(outcome.error).toBe('connection refused (ECONNREFUSED)');
    expect(JSON.stringify(outcome)).not.toContain('SECRET');
  });
});
